import type { AwsError } from '../core/errors';

/** Body, status and headers of an answer, in no transport's terms (msw and node:http both write it). */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request as a protocol read it; `problem` is answered once the request is authenticated. */
export interface ReadRequest {
  /** The operation named by the request, '' when none could be read. */
  operation: string;
  /** The input with the API's member names ({} when it could not be read). */
  input: Record<string, unknown>;
  problem?: AwsError;
}

/**
 * One of CloudWatch's wire protocols: how an operation and its input are written in a request, and how
 * an output or an error is written in the answer. The account's core knows none of it.
 */
export interface Protocol {
  /** The protocol's name in the service model, e.g. awsJson1_0. */
  name: string;
  /** True when the request says it is written in this protocol (by its headers or content type). */
  claims(request: Request): boolean;
  /** Reads the operation and its input; never throws, a malformed request comes back with a `problem`. */
  read(request: Request): Promise<ReadRequest>;
  /** A successful answer carrying an operation's output. */
  output(output: unknown, requestId: string, operation: string): WireResponse;
  error(error: AwsError, requestId: string): WireResponse;
}
