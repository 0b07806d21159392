/**
 * What one operation receives: its input already parsed from the wire, as a structure with the API's
 * member names (protocol-neutral: the JSON protocol and the query protocol both yield it), plus the
 * request's region, the account's clock and the faults that apply. `partial` is set when a PartialData
 * fault applies, `arithmetic` when the ArithmeticError fault does.
 */
export interface OperationContext {
  input: Record<string, unknown>;
  region: string;
  now: number;
  partial: boolean;
  arithmetic?: boolean;
}

/**
 * One operation: its output is a structure with the API's member names, timestamps as `Date` (each
 * protocol writes them its own way), or it throws an AwsError.
 */
export type OperationImpl = (ctx: OperationContext) => unknown;
