import * as React from 'react';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { DetailsList, DetailsListLayoutMode, IColumn, IDetailsRowProps, SelectionMode } from '@fluentui/react/lib/DetailsList';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { Icon } from '@fluentui/react/lib/Icon';
import { ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { REDUCED_MOTION } from '../../../shared/components/reducedMotion';
import { IRenderFunction, memoizeFunction } from '@fluentui/react/lib/Utilities';
import { PartialTheme, ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import { IShownPhoto } from '../../../models/IPhotoSyncResult';
import { Banner } from '../../../shared/components/Banner';
import { CommandButton } from '../../../shared/components/CommandButton';
import { format, formatDateTime, formatTime } from '../../../shared/components/format';
import { reasonText } from '../../../shared/components/verdictText';
import { useInstanceId } from '../../../shared/components/useInstanceId';
import { usePhotoUrl } from '../../../shared/components/usePhotoUrl';
import { useSharePointPause } from './useSharePointPause';
import { ITeamRow, needsAction, notCheckedYet, nextStepLabel, shownNextStep, summary, TeamSort, teamCsv, teamMessage, verdictLabel, visibleRows } from './teamRows';
import { ITeamAuditState, ITeamOverviewService, useTeamCheck } from './useTeamCheck';


export interface ITeamOverviewProps {
  title: string;
  service: ITeamOverviewService;
  /** Where the messages send people: the page with the personal part. */
  personalPageUrl: string;
  locale: string;
  copyText: (text: string) => Promise<void>;
  theme?: PartialTheme;
}

/** The team overview's root: the page's theme around it. */
export default function TeamOverview(props: ITeamOverviewProps): JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <Overview {...props} />
    </ThemeProvider>
  );
}

const getStyles = memoizeFunction((theme: ITheme) => {
  const border = `1px solid ${theme.semanticColors.bodyDivider}`;
  return mergeStyleSets({
    root: { padding: 16, color: theme.semanticColors.bodyText, boxSizing: 'border-box', ...REDUCED_MOTION },
    title: { ...theme.fonts.xLarge, fontWeight: 600, margin: '0 0 12px' },
    status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 12 },
    summary: { display: 'flex', flexWrap: 'wrap', gap: 8, listStyle: 'none', padding: 0, margin: '0 0 12px' },
    count: { border, borderRadius: 2, padding: '4px 8px', ...theme.fonts.small },
    countNumber: { fontWeight: 600, marginLeft: 4 },
    toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 16, marginBottom: 8 },
    photos: { display: 'flex', gap: 6 },
    thumb: { width: 32, height: 32, borderRadius: '50%', objectFit: 'cover', border, display: 'block' },
    noThumb: { width: 32, height: 32, borderRadius: '50%', border, display: 'flex', alignItems: 'center', justifyContent: 'center', background: theme.palette.neutralLighter, color: theme.palette.neutralSecondary, boxSizing: 'border-box' },
    name: { fontWeight: 600, display: 'block' },
    sub: { ...theme.fonts.small, color: theme.semanticColors.bodySubtext, display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' },
    notice: { marginBottom: 8 },
    rowButton: { margin: '-6px 0' }
  });
});

const rowKey = (row: ITeamRow): string => row.member.accountName;
/**
 * Rows kept rendered around the screen: one screenful either side (Fluent's default, two, made each progress update
 * of a long list take up to 55 ms of main thread).
 */
const LIST_WINDOWS = { renderedWindowsAhead: 1, renderedWindowsBehind: 1 };

function nextStepOf(row: ITeamRow): string {
  const next = shownNextStep(row);
  return next ? next.step : 'checking';
}

/** Each row carries its verdict, next step and account, for tests and for anyone reading the page. */
const renderRow: IRenderFunction<IDetailsRowProps> = (rowProps, defaultRender) => {
  if (!rowProps || !defaultRender) {
    return null;
  }
  const row = rowProps.item as ITeamRow;
  return (
    <div data-verdict={row.result ? row.result.verdict.kind : 'checking'} data-next-step={nextStepOf(row)} data-account={row.member.accountName}>
      {defaultRender(rowProps)}
    </div>
  );
};

function Overview(props: ITeamOverviewProps): JSX.Element {
  const headingId = useInstanceId('pps-team-title');
  const theme = useTheme();
  const styles = getStyles(theme);
  const [state, actions] = useTeamCheck(props.service);
  const [sort, setSort] = React.useState<{ key: TeamSort; descending: boolean }>({ key: 'verdict', descending: false });
  const [onlyNeedsAction, setOnlyNeedsAction] = React.useState<boolean>(false);
  const [copied, setCopied] = React.useState<{ index: number; ok: boolean } | undefined>(undefined);
  // The list mounts in a task of its own, after the first paint: together with the rest they took over 50 ms.
  const [listMounted, setListMounted] = React.useState<boolean>(false);
  React.useEffect(() => {
    const timer = setTimeout(() => setListMounted(true), 0);
    return () => clearTimeout(timer);
  }, []);
  const rows = React.useMemo(() => visibleRows(state.rows, sort.key, sort.descending, onlyNeedsAction, props.locale), [state.rows, sort, onlyNeedsAction, props.locale]);
  const counts = summary(state.rows);
  const total = state.rows.length;
  const pause = useSharePointPause(props.service.sharePoint);
  // Decided people, remembered ones included: a large site is checked over several visits.
  const decided = state.rows.filter((r) => !!r.result && !notCheckedYet(r.result.verdict)).length;
  const running = state.phase === 'roster' || state.phase === 'checking';
  const photosDenied = state.rows.some((r) => !!r.result && r.result.verdict.kind === 'could-not-check' && r.result.verdict.reason === 'permission-denied' && r.result.verdict.service === 'exchange');

  // The columns are made once per sort, language and copy state (a new set re-renders every row); the copy
  // action reads the latest props through a ref.
  const latest = React.useRef({ copyText: props.copyText, personalPageUrl: props.personalPageUrl });
  latest.current = { copyText: props.copyText, personalPageUrl: props.personalPageUrl };
  const copyMessage = React.useCallback((row: ITeamRow): void => {
    const message = teamMessage(row, latest.current.personalPageUrl);
    if (message) {
      latest.current.copyText(message).then(
        () => setCopied({ index: row.index, ok: true }),
        () => setCopied({ index: row.index, ok: false })
      );
    }
  }, []);

  const exportCsv = (): void => {
    const blob = new Blob([teamCsv(visibleRows(state.rows, sort.key, sort.descending, false, props.locale))], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'profile-photos.csv';
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const sortBy = React.useCallback((key: TeamSort): void => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false })), []);
  /** A column sorted by clicking its header, showing which way it is sorted. */
  const sortable = (key: TeamSort, name: string, minWidth: number): IColumn => ({
    key,
    name,
    minWidth,
    isResizable: true,
    isSorted: sort.key === key,
    isSortedDescending: sort.key === key && sort.descending,
    onColumnClick: () => sortBy(key)
  });
  const columns = React.useMemo((): IColumn[] => [
    { key: 'photos', name: strings.TeamColumnPhotos, minWidth: 76, maxWidth: 76, onRender: (row: ITeamRow) => <RowPhotos row={row} className={styles.photos} thumb={styles.thumb} noThumb={styles.noThumb} /> },
    {
      ...sortable('name', strings.TeamColumnPerson, 160),
      onRender: (row: ITeamRow) => (
        <span>
          <span className={styles.name}>{row.member.displayName}</span>
          <span className={styles.sub}>
            {row.member.mail || row.member.userPrincipalName}
            {row.member.guest ? ` · ${strings.TeamGuest}` : ''}
          </span>
        </span>
      )
    },
    {
      ...sortable('verdict', strings.TeamColumnVerdict, 180),
      onRender: (row: ITeamRow) =>
        row.result ? (
          <span title={row.result.verdict.kind === 'could-not-check' ? reasonText(row.result.verdict.reason, row.result.verdict.retryAfterSeconds, row.result.verdict.service) : undefined}>
            {notCheckedYet(row.result.verdict) ? strings.TeamVerdictNotCheckedYet : verdictLabel(row.result.verdict.kind)}
          </span>
        ) : (
          // Plain text, not a Spinner per row: hundreds of animated spinners made the first render of a big list
          // block the page for over 50 ms.
          <span className={styles.sub}>{strings.Checking}</span>
        )
    },
    {
      key: 'next',
      name: strings.TeamColumnNextStep,
      minWidth: 130,
      onRender: (row: ITeamRow) => {
        const next = shownNextStep(row);
        return next ? nextStepLabel(next.step) : '';
      }
    },
    {
      key: 'updated',
      name: strings.TeamColumnUpdated,
      minWidth: 120,
      onRender: (row: ITeamRow) => (row.result && row.result.sharePointUpdated ? formatDate(row.result.sharePointUpdated, props.locale) : '')
    },
    {
      key: 'message',
      name: strings.TeamCopyMessage,
      isIconOnly: false,
      minWidth: 160,
      onRender: (row: ITeamRow) =>
        needsAction(row) ? (
          <CommandButton
            variant="action"
            className={styles.rowButton}
            iconName="Copy"
            text={copied && copied.index === row.index ? (copied.ok ? strings.TeamMessageCopied : strings.TeamMessageCopyFailed) : strings.TeamCopyMessage}
            ariaLabel={`${strings.TeamCopyMessage}: ${row.member.displayName}`}
            onClick={() => copyMessage(row)}
          />
        ) : null
    }
  ],
    [sort, copied, styles, props.locale, copyMessage, sortBy]
  );

  return (
    <section className={styles.root} aria-labelledby={headingId} aria-busy={running}>
      <h2 id={headingId} className={styles.title}>
        {props.title || strings.TeamDefaultTitle}
      </h2>
      <div className={styles.status}>
        <span role="status" data-team-status={state.phase} data-sharepoint-paused={pause !== undefined ? 'true' : undefined}>
          {state.phase === 'roster'
            ? strings.TeamLoadingRoster
            : state.phase === 'checking'
              ? `${format(strings.TeamProgress, state.checked, total)}${pause !== undefined ? ` ${format(strings.TeamSlowDown, pause)}` : ''}`
              : state.phase === 'stopped'
                ? format(strings.TeamStopped, decided, total)
                : state.phase === 'done'
                  ? total === 0
                    ? strings.TeamEmpty
                    : format(strings.TeamDone, total)
                  : ''}
        </span>
        {running ? (
          <CommandButton text={strings.TeamStop} onClick={actions.stop} iconName="CircleStop" />
        ) : (
          <CommandButton text={state.phase === 'stopped' ? strings.TeamContinue : strings.TeamCheckAgain} onClick={actions.restart} iconName={state.phase === 'stopped' ? 'Play' : 'Refresh'} />
        )}
      </div>
      {state.audit && state.audit.read && (
        <p className={styles.sub} data-team-audit="read">
          {auditLine(state.audit, props.locale)}
          {state.audit.decided < total ? ` ${format(strings.TeamAuditCheckedHere, total - state.audit.decided, total)}` : ''}
        </p>
      )}
      {state.audit && !state.audit.read && (
        <Banner type="warning" className={styles.notice}>
          <span data-team-audit="failed">{strings.TeamAuditFailed}</span>
        </Banner>
      )}
      {state.phase === 'failed' && state.rosterFailure && (
        <Banner type="error" className={styles.notice}>
          <strong>{strings.TeamRosterFailed}</strong>{' '}
          {state.rosterFailure.reason === 'permission-denied' && state.rosterFailure.service === 'exchange'
            ? strings.TeamPermissionRoster
            : reasonText(state.rosterFailure.reason, state.rosterFailure.retryAfterSeconds, state.rosterFailure.service)}
        </Banner>
      )}
      {photosDenied && (
        <Banner type="error" className={styles.notice}>
          {strings.TeamPermissionPhotos}
        </Banner>
      )}
      {state.notChecked > 0 && (
        <Banner type="info" className={styles.notice}>
          {format(strings.TeamNotChecked, state.notChecked, total)}
        </Banner>
      )}
      {state.showingRemembered && running && <p className={styles.sub}>{strings.TeamRemembered}</p>}
      {counts.length > 0 && (
        <ul className={styles.summary} aria-label={strings.TeamSummaryLabel}>
          {counts.map((c) => (
            <li key={c.kind} className={styles.count} data-count={c.kind}>
              {verdictLabel(c.kind)}:<span className={styles.countNumber}>{c.count}</span>
            </li>
          ))}
        </ul>
      )}
      {total > 0 && (
        <div className={styles.toolbar}>
          <Checkbox label={strings.TeamFilterNeedsAction} checked={onlyNeedsAction} onChange={(_e, checked) => setOnlyNeedsAction(!!checked)} />
          <CommandButton text={strings.TeamExportCsv} onClick={exportCsv} disabled={counts.length === 0} iconName="Download" />
        </div>
      )}
      {/* The list is there, empty, while the roster loads: mounting it then (the page waits for the network anyway)
          keeps the first render of hundreds of people under 50 ms of main thread. */}
      {listMounted && (total > 0 || state.phase === 'roster') && (
        <DetailsList
            items={rows}
            columns={columns}
            getKey={rowKey}
            setKey="people"
            usePageCache={true}
            useReducedRowRenderer={true}
            selectionMode={SelectionMode.none}
            layoutMode={DetailsListLayoutMode.justified}
            ariaLabelForGrid={props.title || strings.TeamDefaultTitle}
            // Virtualized at any length (Fluent's default): only the rows on screen are rendered, and the grid tells
            // assistive technology how many rows there are. Every row rendered made each progress update of 200
            // people block the page for up to 140 ms.
            onRenderRow={renderRow}
            listProps={LIST_WINDOWS}
          />
      )}
    </section>
  );
}

function RowPhotos(props: { row: ITeamRow; className: string; thumb: string; noThumb: string }): JSX.Element {
  const result = props.row.result;
  const name = props.row.member.displayName;
  return (
    <span className={props.className}>
      <Thumb photo={result && result.exchangePhoto} alt={format(strings.TeamPhotoAltExchange, name)} audited={!!result && !!result.audited} thumb={props.thumb} noThumb={props.noThumb} />
      <Thumb photo={result && result.sharePointPhoto} alt={format(strings.TeamPhotoAltSharePoint, name)} audited={!!result && !!result.audited} thumb={props.thumb} noThumb={props.noThumb} />
    </span>
  );
}

/** A photo the row compared; none to show, or (a row from the tenant audit) not loaded here. */
function Thumb(props: { photo?: IShownPhoto; alt: string; audited: boolean; thumb: string; noThumb: string }): JSX.Element {
  const url = usePhotoUrl(props.photo);
  return url ? (
    <img className={props.thumb} src={url} alt={props.alt} />
  ) : (
    <span className={props.noThumb} role="img" aria-label={`${props.alt}: ${props.audited ? strings.TeamPhotoNotLoaded : strings.NoPhotoToShow}`}>
      <Icon iconName="Contact" aria-hidden={true} />
    </span>
  );
}

/** When the tenant audit last finished: "today at 06:10", or the date and time; or that it has not yet. */
function auditLine(audit: ITeamAuditState, locale: string, now: Date = new Date()): string {
  const at = audit.lastCompleteRun;
  if (!at) {
    return strings.TeamAuditNoRunYet;
  }
  return at.toDateString() === now.toDateString() ? format(strings.TeamAuditCheckedToday, formatTime(at, locale)) : format(strings.TeamAuditCheckedOn, formatDateTime(at, locale));
}

/**
 * One formatter per language: making one per date (as `toLocaleDateString` does) cost whole seconds for 500 rows.
 * And each day's text once: formatting itself took a fifth of a progress update's 96 ms with 50 rows on screen.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formattedDays = new Map<string, string>();

function formatDate(date: Date, locale: string): string {
  const day = `${locale}|${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
  const known = formattedDays.get(day);
  if (known !== undefined) {
    return known;
  }
  const text = dateFormatFor(locale).format(date);
  formattedDays.set(day, text);
  return text;
}

function dateFormatFor(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' } as Intl.DateTimeFormatOptions);
    } catch {
      format = new Intl.DateTimeFormat();
    }
    dateFormats.set(locale, format);
  }
  return format;
}
