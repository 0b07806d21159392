import { describe, expect, test } from 'vitest';
import { dimensionNameProblem, dimensionValueProblem, isMetricDataQueryId, namespaceProblem } from './names';

/** No problem where none is expected, else one that says `expected`. */
function expectProblem(actual: string | undefined, expected: string | undefined): void {
  if (expected === undefined) expect(actual).toBeUndefined();
  else expect(actual).toContain(expected);
}

describe('namespaces (model: Namespace pattern [^:].*, PutMetricData.Namespace; User Guide: Metrics concepts)', () => {
  test.each<[string, string | undefined]>([
    ['AWS/ApplicationELB', undefined],
    ['AWS/X-Ray', undefined],
    ['ECS/ContainerInsights', undefined],
    ['Shop', undefined],
    ['My Namespace', undefined],
    ['a.b-c_d/e#f:g', undefined],
    ['Shop:Orders', undefined],
    [':Shop', "cannot start with ':'"],
    ['   ', 'needs a character other than a space'],
    ['Café', "has 'é' at character 4; only ASCII characters are allowed"],
    ['Shop\tOrders', 'has a control character (U+0009) at character 5; only printable ASCII is allowed'],
    ['Shop\n', 'has a control character (U+000A) at character 5'],
    ['Shop😀', "has '😀' at character 5"],
  ])('%j', (namespace, problem) => {
    expectProblem(namespaceProblem(namespace), problem);
  });
});

describe('dimension names and values (model: Dimension.Name and Dimension.Value documentation)', () => {
  test.each<[string, string | undefined]>([
    ['InstanceId', undefined],
    ['Service Name', undefined],
    ['aws:cloudformation:stack-name', undefined],
    [':Name', "cannot start with ':'"],
    [' ', 'needs a character other than a space'],
    ['Zoné', "has 'é' at character 4"],
  ])('name %j', (name, problem) => {
    expectProblem(dimensionNameProblem(name), problem);
  });

  test.each<[string, string | undefined]>([
    ['i-1234567890abcdef0', undefined],
    ['app/checkout/50dc6c495c0c9188', undefined],
    [':leading colon is fine in a value', undefined],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a dashboard variable reference, kept literally
    ['${env}', undefined],
    ['  ', 'needs a character other than a space'],
    ['Zürich', "has 'ü' at character 2"],
    ['a\u0000b', 'has a control character (U+0000) at character 2'],
  ])('value %j', (value, problem) => {
    expectProblem(dimensionValueProblem(value), problem);
  });
});

describe('MetricDataQuery ids (model: MetricId 1–255, MetricDataQuery.Id documentation)', () => {
  test.each<[string, boolean]>([
    ['m1', true],
    ['errorRate', true],
    ['e_2', true],
    ['a'.repeat(255), true],
    ['a'.repeat(256), false],
    ['', false],
    ['M1', false],
    ['1m', false],
    ['_m', false],
    ['error-rate', false],
    ['error rate', false],
  ])('%j is an id: %s', (id, valid) => {
    expect(isMetricDataQueryId(id)).toBe(valid);
  });
});
