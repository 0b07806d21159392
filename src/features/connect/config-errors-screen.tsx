import type { ReactElement } from 'react';
import { type ConfigError, formatConfigError } from '../../domain/kpi/config-error';

/** What the site shows instead of dashboards when config.json is unusable: every problem, with its line. */
export function ConfigErrorsScreen({ errors }: { errors: ConfigError[] }): ReactElement {
  return (
    <main className="page">
      <h1 className="page-title">This site’s config.json needs fixing</h1>
      <div className="notice notice-error" role="alert">
        <strong>
          Bellwether did not connect to CloudWatch because config.json has{' '}
          {errors.length === 1 ? 'a problem' : `${errors.length} problems`}:
        </strong>
        <ul>
          {errors.map((error) => (
            <li key={formatConfigError(error)}>
              <code>{formatConfigError(error)}</code>
            </li>
          ))}
        </ul>
        <p>
          Fix the file next to index.html (public/config.json in the repository) and reload. Without a
          config.json the site shows the demo. The fields are described in docs/aws.md and config.schema.json.
        </p>
      </div>
    </main>
  );
}
