import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, type ReactElement, useState } from 'react';
import type { AppConfig } from '../../data/app-config-schema';
import { type CheckReport, checkConnection } from '../../data/cloudwatch/check-connection';
import type { Connection } from '../../data/credentials/connection';
import { parseCredentialBlock } from '../../data/credentials/pasted-credentials';
import { diagnoseUnreachable } from '../../data/credentials/reachability';
import { useCheckClient, useConnection, useConnectionState } from './connection-context';
import './connect.css';

const SOURCE_WORDS: Record<AppConfig['credentials']['source'], string> = {
  demo: 'the simulated demo account (no AWS credentials)',
  'cognito-guest': 'an Amazon Cognito identity pool, guest access',
  'cognito-user-pool': 'an Amazon Cognito identity pool, signed in through a user pool',
  pasted: 'temporary credentials pasted here',
  none: 'a proxy on your side that signs requests',
};

/** The connection screen: where this deployment's credentials come from, and a check that they work. */
export function ConnectPage(): ReactElement {
  const connection = useConnection();
  const state = useConnectionState(connection);
  if (!connection || !state) {
    return (
      <main className="page">
        <h1 className="page-title">Connection</h1>
        <p>This view runs on the simulated account; there is nothing to connect.</p>
      </main>
    );
  }
  const { config } = connection;
  return (
    <main className="page connect-page">
      <h1 className="page-title">Connection</h1>
      <p className={`notice ${state.kind === 'ready' ? 'notice-ok' : 'notice-warning'}`} role="status">
        <strong>{state.kind === 'ready' ? 'Ready: ' : 'Not connected: '}</strong>
        {state.summary}
      </p>
      <dl className="connect-facts">
        <dt>Credentials from</dt>
        <dd>{SOURCE_WORDS[config.credentials.source]}</dd>
        <dt>Regions</dt>
        <dd>{config.regions.join(', ')}</dd>
        <dt>Endpoint</dt>
        <dd>{config.endpoint ?? 'the regional AWS endpoints (monitoring.<region>.amazonaws.com)'}</dd>
      </dl>
      {config.credentials.source === 'pasted' ? (
        <PastedForm connection={connection} allowRemember={config.credentials.allowSessionStorage} />
      ) : null}
      {config.credentials.source === 'cognito-user-pool' ? (
        <SignIn connection={connection} signedIn={state.kind === 'ready'} />
      ) : null}
      <CheckSection connection={connection} />
      <p>
        <Link to="/">Back to dashboards</Link>
      </p>
    </main>
  );
}

function PastedForm({
  connection,
  allowRemember,
}: {
  connection: Connection;
  allowRemember: boolean;
}): ReactElement {
  const queryClient = useQueryClient();
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecret] = useState('');
  const [sessionToken, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const connected = connection.place() !== undefined;

  const onPaste = (text: string): boolean => {
    const block = parseCredentialBlock(text);
    if (block.accessKeyId === undefined && block.secretAccessKey === undefined) return false;
    if (block.accessKeyId) setAccessKeyId(block.accessKeyId);
    if (block.secretAccessKey) setSecret(block.secretAccessKey);
    if (block.sessionToken) setToken(block.sessionToken);
    return true;
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = connection.paste({ accessKeyId, secretAccessKey, sessionToken }, remember);
    if (!result.ok) {
      setErrors(result.errors);
      setWarnings([]);
      return;
    }
    setErrors([]);
    setWarnings(result.warnings);
    setSecret('');
    setToken('');
    void queryClient.invalidateQueries();
  };
  return (
    <section className="connect-section" aria-labelledby="paste-title">
      <h2 id="paste-title">Temporary AWS credentials</h2>
      <p className="connect-hint">
        Paste the output of <code>aws configure export-credentials --format env</code> or the “Set AWS
        environment variables” block of the IAM Identity Center portal into any field, or fill in the three
        values. They are never put in a URL or a log, and never kept after this tab closes.
      </p>
      <form onSubmit={submit} autoComplete="off" className="connect-form">
        <label>
          Access key id
          <input
            name="accessKeyId"
            value={accessKeyId}
            spellCheck={false}
            onChange={(e) => setAccessKeyId(e.target.value)}
            onPaste={(e) => onPaste(e.clipboardData.getData('text')) && e.preventDefault()}
          />
        </label>
        <label>
          Secret access key
          <input
            name="secretAccessKey"
            type="password"
            value={secretAccessKey}
            onChange={(e) => setSecret(e.target.value)}
            onPaste={(e) => onPaste(e.clipboardData.getData('text')) && e.preventDefault()}
          />
        </label>
        <label>
          Session token
          <input
            name="sessionToken"
            type="password"
            value={sessionToken}
            onChange={(e) => setToken(e.target.value)}
            onPaste={(e) => onPaste(e.clipboardData.getData('text')) && e.preventDefault()}
          />
        </label>
        {allowRemember ? (
          <label className="connect-checkbox">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            Remember in this tab until it closes (sessionStorage); otherwise they are forgotten on reload
          </label>
        ) : null}
        <div className="connect-actions">
          <button type="submit">Use these credentials</button>
          {connected ? (
            <button
              type="button"
              onClick={() => {
                connection.forget();
                void queryClient.invalidateQueries();
              }}
            >
              Forget credentials
            </button>
          ) : null}
        </div>
      </form>
      {errors.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.map((w) => (
        <p key={w} className="notice notice-warning" role="alert">
          <strong>Warning: </strong>
          {w}
        </p>
      ))}
    </section>
  );
}

function SignIn({ connection, signedIn }: { connection: Connection; signedIn: boolean }): ReactElement {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  return (
    <section className="connect-section" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <div className="connect-actions">
        {signedIn ? (
          <button
            type="button"
            onClick={() => {
              connection.forget();
              void queryClient.invalidateQueries();
            }}
          >
            Sign out
          </button>
        ) : (
          <button
            type="button"
            onClick={() =>
              connection.signInUrl().then(
                (url) => window.location.assign(url),
                (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
              )
            }
          >
            Sign in with your organisation account
          </button>
        )}
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function CheckSection({ connection }: { connection: Connection }): ReactElement {
  const { config } = connection;
  const createClient = useCheckClient();
  const [region, setRegion] = useState(config.regions[0] ?? 'us-east-1');
  const [report, setReport] = useState<CheckReport>();
  const [running, setRunning] = useState(false);
  const run = async (): Promise<void> => {
    setRunning(true);
    try {
      setReport(
        await checkConnection({
          region,
          ...(config.endpoint ? { endpoint: config.endpoint } : {}),
          credentials: () => connection.credentials(),
          now: Date.now(),
          diagnose: (endpoint) => diagnoseUnreachable(endpoint),
          refused: (error) => connection.refused(error),
          ...(createClient ? { createClient } : {}),
        }),
      );
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="connect-section" aria-labelledby="check-title">
      <h2 id="check-title">Check connection</h2>
      <p className="connect-hint">
        Makes the smallest real calls: one page of ListMetrics, a one-query GetMetricData over 15 minutes and
        one DescribeAlarms record.
      </p>
      <div className="connect-actions">
        {config.regions.length > 1 ? (
          <label>
            Region{' '}
            <select value={region} onChange={(e) => setRegion(e.target.value)}>
              {config.regions.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" onClick={() => void run()} disabled={running}>
          {running ? 'Checking…' : 'Check connection'}
        </button>
      </div>
      {report ? (
        <div
          className={`notice ${report.ok ? 'notice-ok' : 'notice-error'}`}
          role="status"
          aria-label="Connection check"
        >
          <strong>{report.summary}</strong>
          <ul className="check-lines">
            {report.lines.map((line) => (
              <li key={line.step} className={line.ok ? 'check-ok' : 'check-fail'}>
                <span aria-hidden="true">{line.ok ? '✓' : '✗'}</span>{' '}
                <strong>{line.ok ? 'Works' : 'Fails'}</strong> {line.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
