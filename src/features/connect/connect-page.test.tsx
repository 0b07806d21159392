import { setupFakeCloudWatch } from '@bellwether/fake-cloudwatch/test-support';
import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { App } from '../../app/app';
import { createQueryClient } from '../../app/query-client';
import { createAppRouter } from '../../app/router';
import type { AppConfig } from '../../data/app-config-schema';
import { type Connection, createConnection } from '../../data/credentials/connection';
import { createMetricsSource, sealedDemoClient, sourceConfigFor } from '../../data/source-config';
import { ConnectionProvider } from './connection-context';

const fake = setupFakeCloudWatch(() => Date.now());

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function renderConnect(config: AppConfig, checkClient?: ReturnType<typeof sealedDemoClient>): Connection {
  const connection = createConnection(config, {
    session: window.sessionStorage,
    siteUrl: 'http://localhost/',
  });
  const router = createAppRouter(createMemoryHistory({ initialEntries: ['/connect'] }));
  render(
    <ConnectionProvider connection={connection} {...(checkClient ? { checkClient } : {})}>
      <App
        source={createMetricsSource(sourceConfigFor(connection))}
        queryClient={createQueryClient()}
        router={router}
      />
    </ConnectionProvider>,
  );
  return connection;
}

describe('the connection screen', () => {
  test('pasted temporary credentials: not connected, then ready, with the secret cleared from the form', async () => {
    const user = userEvent.setup();
    const connection = renderConnect({
      regions: ['eu-west-1'],
      credentials: { source: 'pasted', allowSessionStorage: true },
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Not connected: Paste temporary AWS credentials',
    );
    await user.type(screen.getByLabelText('Access key id'), 'ASIAIOSFODNN7EXAMPLE');
    await user.type(screen.getByLabelText('Secret access key'), SECRET);
    await user.type(screen.getByLabelText('Session token'), 'token');
    await user.click(screen.getByRole('checkbox', { name: /Remember in this tab/ }));
    await user.click(screen.getByRole('button', { name: 'Use these credentials' }));
    expect(
      await screen.findByText(/Pasted temporary credentials ASIA…MPLE, kept in this tab until it closes/),
    ).toBeVisible();
    expect(screen.getByLabelText('Secret access key')).toHaveValue('');
    expect(connection.place()).toBe('session');
    expect(document.body.textContent).not.toContain(SECRET);
    await user.click(screen.getByRole('button', { name: 'Forget credentials' }));
    expect(await screen.findByText(/Not connected/)).toBeVisible();
    expect(window.sessionStorage.length).toBe(0);
  });

  test('long-term keys are accepted with a warning; malformed ones are refused with the reason', async () => {
    const user = userEvent.setup();
    renderConnect({ regions: ['eu-west-1'], credentials: { source: 'pasted', allowSessionStorage: false } });
    expect(screen.queryByRole('checkbox')).toBeNull();
    await user.type(await screen.findByLabelText('Access key id'), 'AKIA123');
    await user.type(screen.getByLabelText('Secret access key'), SECRET);
    await user.click(screen.getByRole('button', { name: 'Use these credentials' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Access key id is not in the form AWS uses');
    await user.clear(screen.getByLabelText('Access key id'));
    await user.type(screen.getByLabelText('Access key id'), 'AKIAIOSFODNN7EXAMPLE');
    // The secret stays in the form after a refusal, so only the key id is corrected.
    await user.click(screen.getByRole('button', { name: 'Use these credentials' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Warning: These are long-term access keys/);
  });

  test('a user pool deployment asks people to sign in', async () => {
    renderConnect({
      regions: ['eu-west-1'],
      credentials: {
        source: 'cognito-user-pool',
        identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789',
        userPoolId: 'eu-west-1_AbC123',
        clientId: '1example23456789abcdefghij',
        domain: 'https://bw.auth.eu-west-1.amazoncognito.com',
      },
    });
    expect(
      await screen.findByRole('button', { name: 'Sign in with your organisation account' }),
    ).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Sign in with your eu-west-1_AbC123 account');
  });

  test("the demo's check sends nothing while its simulated account does not answer for the page", async () => {
    const user = userEvent.setup();
    let inControl = false;
    renderConnect(
      { regions: ['us-east-1'], credentials: { source: 'demo' } },
      sealedDemoClient(() => inControl),
    );
    await user.click(await screen.findByRole('button', { name: 'Check connection' }));
    expect(await screen.findByText(/ListMetrics: .*not answering for this page/)).toBeVisible();
    expect(screen.getByText(/GetMetricData: .*not answering for this page/)).toBeVisible();
    expect(fake.calls).toEqual([]);

    inControl = true;
    await user.click(screen.getByRole('button', { name: 'Check connection' }));
    expect(await screen.findByText(/ListMetrics works/)).toBeVisible();
    expect(fake.calls.map((c) => c.operation)).toContain('ListMetrics');
  });
});
