import { useRouter } from '@tanstack/react-router';
import { type ReactElement, useId, useState } from 'react';
import { defaultDashboardsBaseUrl } from '../../data/dashboards/load-dashboards';
import { findDashboard, useCatalog } from '../../data/react/use-catalog';
import { formatConfigError } from '../../domain/kpi/config-error';
import { DASHBOARD_LIMITS } from '../../domain/kpi/limits';
import { parseDashboard } from '../../domain/kpi/parse-dashboard';
import { encodeAdhocDashboard } from './adhoc-link';
import { withFileName } from './open-shared';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the dashboard's YAML exactly as written (comments included), or the YAML a link carried. */
export function ExportYamlButton(props: { dashboardId: string; yaml?: string }): ReactElement {
  const catalog = useCatalog();
  const [error, setError] = useState<string | undefined>();
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          setError(undefined);
          if (props.yaml !== undefined) {
            download(`${props.dashboardId}.yaml`, props.yaml);
            return;
          }
          const entry = catalog.data ? findDashboard(catalog.data, props.dashboardId) : undefined;
          if (!entry) {
            setError('The dashboard file is not loaded yet; try again in a moment.');
            return;
          }
          try {
            const response = await fetch(`${defaultDashboardsBaseUrl()}${entry.file}`);
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            download(entry.file, await response.text());
          } catch (e) {
            setError(
              `Could not read ${entry.file} (${e instanceof Error ? e.message : String(e)}); try again.`,
            );
          }
        }}
      >
        Export YAML
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

/**
 * Opens a dashboard YAML file from disk with the same validation and messages as the site's own files, then
 * shows it as an ad-hoc dashboard whose link carries the YAML.
 */
export function ImportYamlButton(): ReactElement {
  const id = useId();
  const router = useRouter();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <div className="import-yaml">
      <input
        id={id}
        type="file"
        accept=".yaml,.yml,application/yaml,text/yaml"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          if (file.size > DASHBOARD_LIMITS.fileBytes) {
            setErrors([
              `${file.name} is ${Math.ceil(file.size / 1024)} KB; at most ${DASHBOARD_LIMITS.fileBytes / 1024} KB can be opened.`,
            ]);
            return;
          }
          const text = await file.text();
          const parsed = parseDashboard(file.name, text);
          if (!parsed.ok) {
            setErrors(parsed.errors.map(formatConfigError));
            return;
          }
          const packed = await encodeAdhocDashboard(withFileName(file.name, text));
          if (!packed.ok) {
            setErrors([packed.error.message]);
            return;
          }
          setErrors([]);
          router.history.push(`/shared#d=${packed.payload}`);
        }}
      />
      <label htmlFor={id}>Import YAML…</label>
      {errors.length > 0 && (
        <div className="notice notice-error import-errors" role="alert">
          <strong>This file could not be opened:</strong>
          <ul>
            {errors.map((m) => (
              <li key={m}>
                <code>{m}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
