import { type ReactElement, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import {
  CATALOG_RETRY_MS,
  type Catalog,
  dashboardIdOf,
  findDashboard,
  useCatalog,
} from '../../data/react/use-catalog';
import { useProtocolNotice } from '../../data/react/use-protocol-notice';
import type { ParsedDashboard } from '../../domain/kpi/parse-result';
import type { WallSearch } from '../../url/view-state';
import { BrokenBoard } from './broken-board';
import { WallDiagnostics } from './components/wall-diagnostics';
import { WallErrorBoundary } from './components/wall-error-boundary';
import { WallFooter } from './components/wall-footer';
import { WallHeader } from './components/wall-header';
import { useIdleCursor } from './hooks/use-idle-cursor';
import { useWakeLock } from './hooks/use-wake-lock';
import { LiveBoard } from './live-board';
import {
  clampPosition,
  jumpBoard,
  nextPosition,
  nextStepAt,
  type RotationPosition,
  rotates,
} from './model/rotation';
import './wall.css';

interface Board {
  id: string;
  entry: ParsedDashboard;
}

function titleOf(entry: ParsedDashboard): string {
  return entry.ok ? entry.dashboard.title : (entry.title ?? entry.file);
}

/** The boards named in the address that the site has, in the address's order (all of them when none are named). */
function resolveBoards(catalog: Catalog, wanted: string[]): { boards: Board[]; missing: string[] } {
  if (wanted.length === 0)
    return { boards: catalog.dashboards.map((entry) => ({ id: dashboardIdOf(entry), entry })), missing: [] };
  const boards: Board[] = [];
  const missing: string[] = [];
  for (const id of wanted) {
    const entry = findDashboard(catalog, id);
    if (entry) boards.push({ id, entry });
    else missing.push(id);
  }
  return { boards, missing };
}

function WallFrame(props: { theme: WallSearch['theme']; children: ReactNode }): ReactElement {
  const idle = useIdleCursor();
  const wakeLock = useWakeLock();
  return (
    <main
      className="wall"
      data-theme={props.theme}
      data-cursor={idle ? 'hidden' : 'shown'}
      data-wake-lock={wakeLock}
    >
      {props.children}
      <WallDiagnostics />
    </main>
  );
}

function WallMessage(props: {
  search: WallSearch;
  title: string;
  children: ReactNode;
  alert?: boolean;
}): ReactElement {
  return (
    <WallFrame theme={props.search.theme}>
      <WallHeader title="Bellwether" tz={props.search.tz} />
      <div className="wall-message" {...(props.alert ? { role: 'alert' } : { 'aria-live': 'polite' })}>
        <p className="wall-message-title">{props.title}</p>
        {props.children}
      </div>
      <WallFooter boards={[]} current={0} page={0} pages={1} step={0} notices={props.search.ignored} />
    </WallFrame>
  );
}

/**
 * The wall: one dashboard or a playlist, rotating board by board and page by page, set entirely by the
 * address. It keeps the screen awake, hides the cursor, and never shows an error page: whatever fails is
 * said on the wall while the rest carries on.
 */
export function WallPage({ search }: { search: WallSearch }): ReactElement {
  // The catalog asks the site again every CATALOG_RETRY_MS while it fails (its own refetch interval).
  const catalog = useCatalog();
  if (!catalog.data) {
    return catalog.isError ? (
      <WallMessage search={search} title="Cannot load the list of dashboards" alert>
        <p>
          {catalog.error.message}. Trying again every {CATALOG_RETRY_MS / 1000} s.
        </p>
      </WallMessage>
    ) : (
      <WallMessage search={search} title="Loading dashboards…">
        <p>&nbsp;</p>
      </WallMessage>
    );
  }
  return (
    <WallRotation
      search={search}
      catalog={catalog.data}
      {...(catalog.isError ? { catalogError: catalog.error.message } : {})}
    />
  );
}

function WallRotation({
  search,
  catalog,
  catalogError,
}: {
  search: WallSearch;
  catalog: Catalog;
  /** The last re-read of the dashboard list failed; the boards carry on as last loaded. */
  catalogError?: string;
}): ReactElement {
  const { boards, missing } = resolveBoards(catalog, search.boards);
  const [position, setPosition] = useState<RotationPosition>({ board: 0, page: 0 });
  const [pages, setPages] = useState(1);
  const [step, setStep] = useState(0);
  const current = clampPosition(position, boards.length, pages);
  const rotating = rotates(boards.length, pages);
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  const boardCount = boards.length;

  // Each step is due on a fixed cadence (see nextStepAt); re-running this effect for another reason (the
  // list of boards changing) keeps the current step's due time.
  const schedule = useRef<{ step: number; at: number } | undefined>(undefined);
  useEffect(() => {
    if (!rotating) {
      schedule.current = undefined;
      return;
    }
    const now = Date.now();
    const previous = schedule.current;
    const at =
      previous?.step === step ? previous.at : nextStepAt(previous?.at, now, search.rotateSeconds * 1000);
    schedule.current = { step, at };
    const id = setTimeout(
      () => {
        setPosition((p) => nextPosition(p, boardCount, pagesRef.current));
        setStep((s) => s + 1);
      },
      Math.max(0, at - now),
    );
    return () => clearTimeout(id);
  }, [rotating, step, boardCount, search.rotateSeconds]);
  const onPages = useCallback((n: number) => setPages(n), []);

  // → and ← (or n and p) go to the next or previous board; the rotation carries on from there, a whole
  // step later. Nothing needs a key: a wall nobody touches rotates by itself.
  useEffect(() => {
    if (boardCount < 2) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const by =
        event.key === 'ArrowRight' || event.key === 'n'
          ? 1
          : event.key === 'ArrowLeft' || event.key === 'p'
            ? -1
            : 0;
      if (by === 0) return;
      event.preventDefault();
      schedule.current = undefined;
      setPosition((p) => jumpBoard(clampPosition(p, boardCount, pagesRef.current), boardCount, by));
      setStep((s) => s + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [boardCount]);

  const protocol = useProtocolNotice();
  const notices = [
    ...search.ignored,
    ...missing.map((id) => `board '${id}' is not listed in dashboards/index.yaml`),
  ];
  const siteProblems = [
    ...(protocol.notice ? [protocol.notice.message] : []),
    ...(catalogError
      ? [`The list of dashboards could not be re-read (${catalogError}); showing it as last loaded`]
      : []),
    ...catalog.unavailable
      .filter((file) => catalog.dashboards.some((d) => d.file === file && d.ok))
      .map((file) => `${file} could not be re-read; showing it as last loaded`),
  ];
  if (boards.length === 0) {
    return (
      <WallMessage search={{ ...search, ignored: notices }} title="Nothing to show" alert>
        <p>
          {catalog.index.ok
            ? 'None of the boards in the address are listed in dashboards/index.yaml. Check the boards= parameter.'
            : `dashboards/index.yaml could not be read: ${catalog.index.errors.length} problem(s).`}
        </p>
      </WallMessage>
    );
  }
  const position_ = `${boards.length > 1 ? `Board ${current.board + 1} of ${boards.length}` : ''}${
    pages > 1 ? `${boards.length > 1 ? ' · ' : ''}page ${current.page + 1} of ${pages}` : ''
  }`;
  return (
    <WallFrame theme={search.theme}>
      {boards.map((board, i) => {
        const slot = {
          active: i === current.board,
          page: i === current.board ? current.page : 0,
          ...(position_ ? { position: position_ } : {}),
          onPages,
        };
        return (
          <WallErrorBoundary
            key={board.id}
            what={`the ${titleOf(board.entry)} board`}
            active={slot.active}
            onPages={onPages}
          >
            {board.entry.ok ? (
              <LiveBoard {...slot} dashboard={board.entry.dashboard} search={search} />
            ) : (
              <BrokenBoard
                {...slot}
                title={titleOf(board.entry)}
                file={board.entry.file}
                errors={board.entry.errors}
                passing={catalog.unavailable.includes(board.entry.file)}
                tz={search.tz}
              />
            )}
          </WallErrorBoundary>
        );
      })}
      <WallFooter
        boards={boards.map((b) => titleOf(b.entry))}
        current={current.board}
        page={current.page}
        pages={pages}
        {...(rotating ? { stepSeconds: search.rotateSeconds } : {})}
        step={step}
        notices={notices}
        siteProblems={siteProblems}
      />
    </WallFrame>
  );
}
