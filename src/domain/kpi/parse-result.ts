import type { ConfigError } from './config-error';
import type { DashboardShell, Kpi, Outcome } from './schema';

/** A KPI that passed validation: ready to query and evaluate. */
export interface ValidKpi {
  ok: true;
  /** Position in the file's `kpis` list, for "kpis[2]" in messages and stable ordering. */
  index: number;
  kpi: Kpi;
}

/** A KPI that did not: shown as an error tile, named by whatever id and title it did have. */
export interface InvalidKpi {
  ok: false;
  index: number;
  id?: string;
  title?: string;
  errors: ConfigError[];
}

/** One entry of a dashboard's KPI list; one bad KPI never hides the others. */
export type KpiEntry = ValidKpi | InvalidKpi;

/**
 * A dashboard whose own fields are valid, with defaults applied. Every KPI id in `outcomes` names an
 * entry in `kpis` (valid or not); ids that named no KPI were dropped and reported as warnings.
 */
export type LoadedDashboard = Omit<DashboardShell, 'kpis' | 'outcomes'> & {
  kpis: KpiEntry[];
  outcomes: Outcome[];
};

/** The result of reading one dashboard file: a dashboard to show, or why there is none. */
export type ParsedDashboard =
  | {
      ok: true;
      file: string;
      dashboard: LoadedDashboard;
      /** Problems that do not stop the dashboard from loading, for a banner above it. */
      warnings: ConfigError[];
    }
  | {
      ok: false;
      file: string;
      /** The dashboard's id and title when the file had them, so the error can be named. */
      id?: string;
      title?: string;
      errors: ConfigError[];
    };

/** The result of reading dashboards/index.yaml: the dashboard files to offer, in the listed order. */
export type ParsedDashboardIndex =
  | { ok: true; file: string; dashboards: string[]; warnings: ConfigError[] }
  | { ok: false; file: string; errors: ConfigError[] };
