import { expect, test } from 'vitest';
import { type ModeledError, validateError } from './validate-error';

const NS = 'com.amazonaws.cloudwatch';
const errors: ModeledError[] = [
  {
    name: 'InvalidParameterValueException',
    queryError: ['InvalidParameterValue', 400],
    fault: 'client',
    httpStatus: 400,
    members: ['message'],
  },
  {
    name: 'InternalServiceFault',
    queryError: ['InternalServiceError', 500],
    fault: 'server',
    httpStatus: 500,
    members: ['Message'],
  },
];

function answer(status: number, body: Record<string, unknown>, queryError?: string) {
  const headers = new Headers({ 'content-type': 'application/x-amz-json-1.0' });
  if (queryError !== undefined) headers.set('x-amzn-query-error', queryError);
  return { status, headers, body: JSON.stringify(body) };
}
const problems = (a: ReturnType<typeof answer>) =>
  validateError(a, NS, errors).map((p) => `${p.path}: ${p.message}`);

test.each<[string, ReturnType<typeof answer>]>([
  [
    'a modeled error',
    answer(
      400,
      { __type: `${NS}#InvalidParameterValueException`, message: 'bad' },
      'InvalidParameterValue;Sender',
    ),
  ],
  [
    'a modeled server error with its Message member',
    answer(500, { __type: `${NS}#InternalServiceFault`, Message: 'oops' }, 'InternalServiceError;Receiver'),
  ],
  [
    'an error common to AWS services',
    answer(
      400,
      { __type: 'com.amazon.coral.availability#ThrottlingException', message: 'Rate exceeded' },
      'Throttling;Sender',
    ),
  ],
])('%s has no problem', (_name, a) => {
  expect(problems(a)).toEqual([]);
});

test.each<[string, ReturnType<typeof answer>, string]>([
  [
    'a shape the service does not model',
    answer(400, { __type: `${NS}#BadThingException`, message: 'x' }, 'BadThing;Sender'),
    '__type: BadThingException is not an error shape',
  ],
  [
    'the wrong query code',
    answer(400, { __type: `${NS}#InvalidParameterValueException`, message: 'x' }, 'ValidationError;Sender'),
    'the code of InvalidParameterValueException is InvalidParameterValue',
  ],
  [
    'the wrong status',
    answer(
      403,
      { __type: `${NS}#InvalidParameterValueException`, message: 'x' },
      'InvalidParameterValue;Sender',
    ),
    'is answered with 400, not 403',
  ],
  [
    'the wrong member name',
    answer(500, { __type: `${NS}#InternalServiceFault`, message: 'x' }, 'InternalServiceError;Receiver'),
    'message: not a member of InternalServiceFault',
  ],
  [
    'a Receiver fault on a 400',
    answer(
      400,
      { __type: `${NS}#InvalidParameterValueException`, message: 'x' },
      'InvalidParameterValue;Receiver',
    ),
    'Receiver with HTTP 400',
  ],
  [
    'no query error header',
    answer(400, { __type: `${NS}#InvalidParameterValueException`, message: 'x' }),
    '(x-amzn-query-error)',
  ],
  [
    'a common error borrowing a modeled code',
    answer(
      400,
      { __type: 'com.amazon.coral.service#Whatever', message: 'x' },
      'InvalidParameterValue;Sender',
    ),
    'InvalidParameterValue is the code of the modeled InvalidParameterValueException',
  ],
  ['no __type', answer(400, { message: 'x' }, 'InvalidParameterValue;Sender'), '__type: required'],
])('%s is found', (_name, a, expected) => {
  expect(problems(a).join('\n')).toContain(expected);
});
