import type { ReactElement } from 'react';
import type { TimeWindow } from '../../domain/series';
import type { DashboardState, DrilldownState } from '../../url/view-state';
import { SavedViewsMenu } from './saved-views/saved-views-menu';
import { ShareButton } from './share-button';
import type { ScreenView } from './share-link';
import { ExportYamlButton, ImportYamlButton } from './yaml-file';

type ViewActionsProps = (
  | { kind: 'dashboard'; view: DashboardState }
  | { kind: 'kpi'; view: DrilldownState }
) & {
  dashboardId: string;
  /** The window on screen, for "freeze time". */
  screenWindow?: TimeWindow;
  /** The YAML of an ad-hoc dashboard, exported as is. */
  yaml?: string;
};

/** The header's Share, Saved views and (on dashboards) YAML export and import; given the view as decoded. */
export function ViewActions(props: ViewActionsProps): ReactElement {
  const view: ScreenView =
    props.kind === 'dashboard'
      ? { route: 'dashboard', state: props.view }
      : { route: 'drilldown', state: props.view };
  return (
    <>
      <ShareButton view={view} {...(props.screenWindow ? { screenWindow: props.screenWindow } : {})} />
      <SavedViewsMenu view={view} />
      {props.kind === 'dashboard' && (
        <>
          <ExportYamlButton
            dashboardId={props.dashboardId}
            {...(props.yaml !== undefined ? { yaml: props.yaml } : {})}
          />
          <ImportYamlButton />
        </>
      )}
    </>
  );
}
