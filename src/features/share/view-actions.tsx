import type { ReactElement } from 'react';
import type { TimeWindow } from '../../domain/series';
import { SavedViewsMenu } from './saved-views/saved-views-menu';
import { ShareButton } from './share-button';
import { ExportYamlButton, ImportYamlButton } from './yaml-file';

interface ViewActionsProps {
  kind: 'dashboard' | 'kpi';
  dashboardId: string;
  /** The window on screen, for "freeze time". */
  screenWindow?: TimeWindow;
  /** The YAML of an ad-hoc dashboard, exported as is. */
  yaml?: string;
}

/** The header's Share, Saved views and (on dashboards) YAML export and import. */
export function ViewActions(props: ViewActionsProps): ReactElement {
  return (
    <>
      <ShareButton {...(props.screenWindow ? { screenWindow: props.screenWindow } : {})} />
      <SavedViewsMenu />
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
