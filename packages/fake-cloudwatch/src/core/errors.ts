/**
 * An error the simulated service answers with, in protocol-neutral terms: the classic query-protocol
 * code (the query protocol's `<Code>`; the JSON protocol's `x-amzn-query-error` header, which the SDK
 * turns into the exception's name), the HTTP status, and the shape id of the error (the JSON protocol's
 * `__type`). Each protocol writes it its own way.
 */
export class AwsError extends Error {
  constructor(
    /** Query-protocol code, e.g. InvalidParameterValue; becomes `x-amzn-query-error: Code;Sender`. */
    readonly code: string,
    message: string,
    readonly status: number,
    /** The `__type` of the JSON body, e.g. com.amazonaws.cloudwatch#InvalidParameterValueException. */
    readonly type: string,
    /** The error shape's member for the message: `message` for most, `Message` for a few (the model's). */
    readonly messageMember: 'message' | 'Message' = 'message',
  ) {
    super(message);
    this.name = code;
  }

  get fault(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

const CW = 'com.amazonaws.cloudwatch#';

/** Errors CloudWatch models in its service definition (the SDK has a class for each). */
export const modeled = {
  invalidParameterValue: (message: string): AwsError =>
    new AwsError('InvalidParameterValue', message, 400, `${CW}InvalidParameterValueException`),
  invalidParameterCombination: (message: string): AwsError =>
    new AwsError('InvalidParameterCombination', message, 400, `${CW}InvalidParameterCombinationException`),
  missingParameter: (message: string): AwsError =>
    new AwsError('MissingParameter', message, 400, `${CW}MissingRequiredParameterException`),
  validation: (message: string): AwsError =>
    new AwsError('ValidationError', message, 400, `${CW}ValidationException`),
  invalidNextToken: (message: string): AwsError =>
    new AwsError('InvalidNextToken', message, 400, `${CW}InvalidNextToken`),
  limitExceeded: (message: string): AwsError =>
    new AwsError('LimitExceeded', message, 400, `${CW}LimitExceededFault`),
  internal: (message = 'Internal service error.'): AwsError =>
    new AwsError('InternalServiceError', message, 500, `${CW}InternalServiceFault`, 'Message'),
};

/** Errors every AWS service can answer with; the SDK has no class for them and names them by code. */
export const common = {
  throttling: (): AwsError =>
    new AwsError('Throttling', 'Rate exceeded', 400, 'com.amazon.coral.availability#ThrottlingException'),
  serviceUnavailable: (): AwsError =>
    new AwsError(
      'ServiceUnavailable',
      'The service is unavailable. Please try again later.',
      503,
      'com.amazon.coral.availability#ServiceUnavailableException',
    ),
  expiredToken: (): AwsError =>
    new AwsError(
      'ExpiredToken',
      'The security token included in the request is expired',
      403,
      'com.amazon.coral.service#ExpiredTokenException',
    ),
  missingAuthenticationToken: (): AwsError =>
    new AwsError(
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
      403,
      'com.amazon.coral.service#MissingAuthenticationTokenException',
    ),
  incompleteSignature: (message: string): AwsError =>
    new AwsError(
      'IncompleteSignature',
      message,
      400,
      'com.amazon.coral.service#IncompleteSignatureException',
    ),
  unknownOperation: (): AwsError =>
    new AwsError('InvalidAction', '', 400, 'com.amazon.coral.service#UnknownOperationException'),
  /** What IAM answers when the caller's policy lacks `cloudwatch:<operation>`. */
  accessDenied: (operation: string): AwsError =>
    new AwsError(
      'AccessDenied',
      `User: arn:aws:sts::123456789012:assumed-role/bellwether-reader/session is not authorized to perform: cloudwatch:${operation} because no identity-based policy allows the cloudwatch:${operation} action`,
      403,
      'com.amazon.coral.service#AccessDeniedException',
    ),
  serialization: (message: string): AwsError =>
    new AwsError('SerializationException', message, 400, 'com.amazon.coral.service#SerializationException'),
};

/** True for an AwsError, also one thrown by another copy of this module. */
export function isAwsError(error: unknown): error is AwsError {
  return error instanceof Error && 'code' in error && 'status' in error && 'type' in error;
}
