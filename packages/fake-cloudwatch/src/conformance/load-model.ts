import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type ApiModel, parseApiModel } from './api-model';

const require = createRequire(import.meta.url);

/** The npm package whose copy of CloudWatch's API model the conformance tests check the account against. */
export const MODEL_PACKAGE = 'aws-sdk';
/** The model file inside it (CloudWatch's service uid is monitoring-2010-08-01). */
export const MODEL_FILE = 'apis/monitoring-2010-08-01.min.json';

export interface LoadedModel {
  model: ApiModel;
  /** The installed version of the package, e.g. 2.1693.0. */
  version: string;
}

/** Reads CloudWatch's API model from the installed package, with the package's version. */
export function loadCloudWatchModel(): LoadedModel {
  const pkg: unknown = JSON.parse(readFileSync(require.resolve('aws-sdk/package.json'), 'utf8'));
  const version =
    typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
      ? pkg.version
      : 'unknown';
  const json: unknown = JSON.parse(
    readFileSync(require.resolve('aws-sdk/apis/monitoring-2010-08-01.min.json'), 'utf8'),
  );
  return { model: parseApiModel(json), version };
}
