import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { readDashboardFile, setupAppHarness } from '../../testing/render-app';

const app = setupAppHarness();
// The whole app loads its dashboards and data over msw: on a busy machine that takes longer than 1 s.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 20_000 });
const SLOW = 20_000;

describe('KPI drill-down', () => {
  test('explains a math KPI: status reasons, SLO, components, exact queries, console link and runbook', {
    timeout: SLOW,
  }, async () => {
    app.render('/d/checkout/k/payment-success-rate?range=now-6h&var-env=prod');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Payment success rate' }),
    ).toBeInTheDocument();
    const status = screen.getByRole('region', { name: 'Why it has this status' });
    await waitFor(
      () => expect(within(status).getAllByText(/Payment success rate/).length).toBeGreaterThan(0),
      {
        timeout: 8000,
      },
    );
    const slo = screen.getByRole('region', { name: 'Service level objective' });
    await waitFor(() => expect(within(slo).getByText('Attainment').nextSibling).toHaveTextContent(/%/), {
      timeout: 8000,
    });
    const components = await screen.findByRole(
      'region',
      { name: 'Metrics in the expression' },
      { timeout: 8000 },
    );
    expect(within(components).getByText('succeeded')).toBeInTheDocument();
    expect(within(components).getByText('attempted')).toBeInTheDocument();
    const queries = screen.getByRole('region', { name: 'Queries sent to CloudWatch' });
    await waitFor(() => expect(within(queries).getAllByText('PaymentsSucceeded').length).toBeGreaterThan(0));
    expect(within(queries).getAllByText('Environment=prod').length).toBeGreaterThan(0);
    // Its own bill: the chart with its two metrics, first load and then each new minute.
    expect(await within(queries).findByTestId('drilldown-cost')).toHaveTextContent(
      /beyond the dashboard's own refreshes: ≈ 2 metrics a refresh, \$0\.86 a month per screen at 60 s; first load 2 metrics/,
    );
    const link = within(queries).getByRole('link', { name: 'Open in CloudWatch console' });
    expect(link.getAttribute('href')).toMatch(
      /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#metricsV2:graph=~\(metrics~/,
    );
    const about = screen.getByRole('region', { name: 'About this KPI' });
    expect(within(about).getByRole('link', { name: /runbooks\.example\.com/ })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/payments/success-rate',
    );
    const table = screen.getByRole('region', { name: 'Datapoints' });
    await waitFor(() =>
      expect(within(table).getByRole('button', { name: /Download CSV \([\d,]+ rows\)/ })).toBeEnabled(),
    );
  });

  test('breaks the KPI down by payment provider, worst first', { timeout: SLOW }, async () => {
    app.render('/d/checkout/k/payment-success-rate?by=PaymentProvider');
    const section = await screen.findByRole('region', { name: 'Breakdown' });
    const list = await within(section).findByRole(
      'list',
      { name: 'Payment success rate by PaymentProvider' },
      { timeout: 8000 },
    );
    const names = within(list)
      .getAllByRole('figure')
      .map((f) => f.querySelector('strong')?.textContent);
    expect(names).toHaveLength(3);
    expect(new Set(names)).toEqual(new Set(['adyen', 'stripe', 'paypal']));
    // The scripted incident fails Adyen payments, so Adyen contributes most.
    expect(names[0]).toBe('adyen');
  });

  test('the breakdown reads each value from its dynamic label, whatever the default labels', {
    timeout: SLOW,
  }, async () => {
    // CloudWatch documents no default labels; the dynamic label ${PROP('Dim.PaymentProvider')} is "the
    // value of the specified dimension" (User Guide, "Use dynamic labels").
    app.fake.defaultLabel = (s) => `??? ${s.index} 未知 ${s.id}`;
    app.render('/d/checkout/k/payment-success-rate?by=PaymentProvider');
    const section = await screen.findByRole('region', { name: 'Breakdown' });
    const list = await within(section).findByRole(
      'list',
      { name: 'Payment success rate by PaymentProvider' },
      { timeout: 8000 },
    );
    const names = within(list)
      .getAllByRole('figure')
      .map((f) => f.querySelector('strong')?.textContent);
    expect(new Set(names)).toEqual(new Set(['adyen', 'stripe', 'paypal']));
    expect(names[0]).toBe('adyen');
  });

  test('the anomaly band is drawn when both of its bounds come back with the same label', {
    timeout: SLOW,
  }, async () => {
    app.fake.defaultLabel = () => '';
    app.render('/d/checkout/k/orders-per-minute');
    await screen.findByRole('heading', { level: 1, name: 'Orders per minute' });
    await waitFor(
      () =>
        expect(screen.getByText(/Expected range \(anomaly band\)/, { selector: 'li' })).toBeInTheDocument(),
      { timeout: 8000 },
    );
  });

  test('choosing a comparison draws the previous week', { timeout: SLOW }, async () => {
    const user = userEvent.setup();
    app.render('/d/checkout/k/orders-per-minute');
    await screen.findByRole('heading', { level: 1, name: 'Orders per minute' });
    await user.selectOptions(screen.getByLabelText('Compare with'), '1w');
    await waitFor(() => expect(screen.getByText(/Previous week/, { selector: 'li' })).toBeInTheDocument(), {
      timeout: 8000,
    });
  });

  test('a hostile runbook and title from a dashboard file stay text', async () => {
    const original = readDashboardFile('checkout.yaml') ?? '';
    const hostile = original
      .replace('title: Orders per minute', 'title: "<img src=x onerror=alert(1)>"')
      .replace(
        'description: Orders placed each minute. Far below the usual for the time of day means shoppers are stuck.',
        'description: "<script>alert(1)</script>"',
      );
    app.overrideFile('checkout.yaml', hostile);
    const { container } = app.render('/d/checkout/k/orders-per-minute');
    expect(
      await screen.findByRole('heading', { level: 1, name: '<img src=x onerror=alert(1)>' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('<script>alert(1)</script>').length).toBeGreaterThan(0);
    expect(container.querySelector('img, script')).toBeNull();
  });

  test('an unknown KPI says so', async () => {
    app.render('/d/checkout/k/no-such-kpi');
    expect(await screen.findByRole('heading', { name: 'No KPI called “no-such-kpi”' })).toBeInTheDocument();
  });
});
