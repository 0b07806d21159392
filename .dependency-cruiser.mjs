// The layering of src/ and packages/, checked by `npm run lint` (depcruise src tests packages).
// docs/architecture.md, "Modules and the direction of imports", explains it; scripts/layering.test.ts shows
// each rule failing.
//
//   src/domain  ←  src/data, src/url, src/components  ←  src/features  ←  src/app  ←  src/main.tsx
//   src/domain, src/data  ←  src/relay (Node entry points; nothing imports it)
//
// Below them all, packages/cloudwatch-spec (documented CloudWatch facts, imported as
// @bellwether/cloudwatch-spec) imports nothing but itself, so any layer, src/domain included, may use it.
//
// Beside src/, packages/fake-cloudwatch (the simulated account, @bellwether/fake-cloudwatch) never imports
// src/; inside it core ← protocols ← transports, and only its msw transports import msw. The app reaches
// it only from src/app/bootstrap.tsx, by dynamic import (the demo), and from tests.
//
// Paths are matched after resolution, so '../../dashboard/x' is judged by where it lands, not how it is
// spelled. Type-only imports count. scripts/ (Node CLI tools) are not cruised: they may import anything.

/** A package in node_modules (resolved), or its bare name when it did not resolve. */
const pkg = (names) => `(^|(^|/)node_modules/)(${names.join('|')})(/|$)`;

const REACT = pkg([
  '(@types/)?react',
  '(@types/)?react-dom',
  'react-is',
  '@tanstack/react-[^/]+',
  'recharts',
  '@testing-library/react',
  '@testing-library/user-event',
]);
const AWS_SDK = pkg(['@aws-sdk/[^/]+', '@smithy/[^/]+']);
const MSW = pkg(['msw']);
/** The documented CloudWatch facts: a workspace package that src/ imports by its name. */
const SPEC = '^packages/cloudwatch-spec/';
/** The simulated account, and its parts: core (no msw), protocols, transports. */
const FAKE = '^packages/fake-cloudwatch/';
const FAKE_CORE = '^packages/fake-cloudwatch/src/core/';
const FAKE_PROTOCOLS = '^packages/fake-cloudwatch/src/protocols/';
/** Its transports over msw (the handlers, the browser worker, msw/node): the only package code with msw. */
const FAKE_MSW = '^packages/fake-cloudwatch/src/transports/(msw|browser|node)\\.ts$';
/** Its tests and the helpers they share, which drive it through the real SDK. */
const FAKE_TESTS = '^packages/fake-cloudwatch/src/(.*\\.test\\.ts|test-support\\.ts)$';
/** Test code: unit and component tests, and the harness they share. It may render the whole app. */
const TEST_CODE = '(\\.test\\.tsx?$|^src/testing/)';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      comment: 'src/domain is pure: it imports nothing from data, url, components, features, app or testing.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/)' },
    },
    {
      name: 'domain-no-react-aws-msw',
      comment: 'src/domain is pure: no React (nor React libraries), no AWS SDK, no msw, in code or tests.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: [REACT, AWS_SDK, MSW] },
    },
    {
      name: 'lower-layers-not-to-features-or-app',
      comment: 'src/data, src/url and src/components never import src/features, src/app or src/main.tsx.',
      severity: 'error',
      from: { path: '^src/(data|url|components)/' },
      to: { path: '^src/(features/|app/|main\\.tsx$)' },
    },
    {
      name: 'features-not-to-other-features',
      comment: 'A feature (src/features/<a>) never imports another feature (src/features/<b>).',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'aws-sdk-only-in-data',
      comment:
        'Only src/data imports the AWS SDK: everything else goes through the data seam. The relay on AWS ' +
        '(its S3 store and Lambda handler, and their tests) talks to S3, which is no metrics source.',
      severity: 'error',
      from: {
        path: '^(src|tests)/',
        pathNot: ['^src/data/', '^src/relay/(s3-store|lambda)(\\.test)?\\.ts$'],
      },
      to: { path: AWS_SDK },
    },
    {
      name: 'msw-only-in-fake-cloudwatch-and-tests',
      comment:
        'msw serves the simulated account (the msw transports of packages/fake-cloudwatch) and tests; ' +
        "nothing else uses it, the account's core and protocols included.",
      severity: 'error',
      from: { path: '^(src|tests|packages)/', pathNot: [FAKE_MSW, TEST_CODE] },
      to: { path: MSW },
    },
    {
      name: 'fake-cloudwatch-only-from-bootstrap-and-tests',
      comment:
        'The app reaches the simulated account only from src/app/bootstrap.tsx (the demo) and tests, so a ' +
        'real deployment never depends on it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/bootstrap\\.tsx$', TEST_CODE] },
      to: { path: FAKE },
    },
    {
      name: 'fake-cloudwatch-by-dynamic-import',
      comment:
        'src/app/bootstrap.tsx loads the simulated account by dynamic import only: its own chunk, which a ' +
        'real deployment never downloads.',
      severity: 'error',
      from: { path: '^src/app/bootstrap\\.tsx$' },
      to: { path: FAKE, dynamic: false },
    },
    {
      name: 'fake-cloudwatch-not-to-src',
      comment:
        'packages/fake-cloudwatch stands on its own: nothing in it, tests included, imports src/ (the app ' +
        'it simulates an account for). Shared CloudWatch facts come from @bellwether/cloudwatch-spec.',
      severity: 'error',
      from: { path: FAKE },
      to: { path: '^src/' },
    },
    {
      name: 'fake-cloudwatch-core-imports-only-core',
      comment:
        'The core of the simulated account (scenario, query engine, math, SEARCH, Insights, alarms, faults, ' +
        'operations) imports only itself and @bellwether/cloudwatch-spec: no protocol, transport, msw or node:.',
      severity: 'error',
      from: { path: FAKE_CORE, pathNot: '\\.test\\.ts$' },
      to: { pathNot: [FAKE_CORE, SPEC] },
    },
    {
      name: 'fake-cloudwatch-protocols-not-to-transports',
      comment:
        'A protocol of the simulated account reads and writes the wire over the core: it imports the core, ' +
        'the protocols and @bellwether/cloudwatch-spec, never a transport, msw or node:.',
      severity: 'error',
      from: { path: FAKE_PROTOCOLS, pathNot: '\\.test\\.ts$' },
      to: { pathNot: [FAKE_CORE, FAKE_PROTOCOLS, SPEC] },
    },
    {
      name: 'fake-cloudwatch-no-aws-sdk',
      comment:
        'The simulated account does not depend on the client it fakes: only its tests and their helpers ' +
        'import the AWS SDK.',
      severity: 'error',
      from: { path: FAKE, pathNot: FAKE_TESTS },
      to: { path: AWS_SDK },
    },
    {
      name: 'app-only-from-main',
      comment:
        'Only src/main.tsx imports src/app (and tests, which render the whole app). ' +
        'src/app imports itself freely.',
      severity: 'error',
      from: { path: '^(src|tests)/', pathNot: ['^src/main\\.tsx$', '^src/app/', TEST_CODE] },
      to: { path: '^src/app/' },
    },
    {
      name: 'cloudwatch-spec-imports-only-itself',
      comment:
        'packages/cloudwatch-spec is pure TypeScript without dependencies: its code imports only its own ' +
        'files (so src/domain may import it).',
      severity: 'error',
      from: { path: SPEC, pathNot: '\\.test\\.ts$' },
      to: { pathNot: SPEC },
    },
    {
      name: 'cloudwatch-spec-tests-only-vitest-and-node',
      comment: 'The tests of packages/cloudwatch-spec import its files, vitest and node: built-ins only.',
      severity: 'error',
      from: { path: `${SPEC}.*\\.test\\.ts$` },
      to: { pathNot: [SPEC, pkg(['vitest', '@vitest/[^/]+'])], dependencyTypesNot: ['core'] },
    },
    {
      name: 'relay-imports-data-and-domain',
      comment:
        'src/relay (the relay: Node entry points over the data layer) reuses src/data and src/domain and ' +
        'nothing above them: no screen, route, view codec or component.',
      severity: 'error',
      from: { path: '^src/relay/', pathNot: TEST_CODE },
      to: { path: '^src/(?!relay/|data/|domain/)' },
    },
    {
      name: 'nothing-imports-relay',
      comment:
        'Nothing in src/ or tests/ outside src/relay imports it: the app reads snapshots through the data ' +
        'seam (src/data/snapshot/), never the relay that writes them.',
      severity: 'error',
      from: { path: '^(src|tests)/', pathNot: '^src/relay/' },
      to: { path: '^src/relay/' },
    },
    {
      name: 'testing-only-from-tests',
      comment: 'src/testing is the test harness (it imports src/app and msw): only tests import it.',
      severity: 'error',
      from: { path: '^(src|tests)/', pathNot: TEST_CODE },
      to: { path: '^src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'browser', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
