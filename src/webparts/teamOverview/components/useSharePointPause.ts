import * as React from 'react';
import { ISchedulerStatus } from '../../../services/sharePointScheduler';

/** What the overview reads of the page's SharePoint scheduler. */
export interface ISharePointPauseSource {
  status(): ISchedulerStatus;
  subscribe(listener: (status: ISchedulerStatus) => void): () => void;
}

/**
 * Whole seconds until SharePoint's requested wait is over, counting down once a second; undefined when nothing is
 * paused. The progress line says it instead of any row failing.
 */
export function useSharePointPause(source: ISharePointPauseSource | undefined): number | undefined {
  const [until, setUntil] = React.useState<number | undefined>(() => (source ? source.status().pausedUntil : undefined));
  const [now, setNow] = React.useState<number>(() => Date.now());
  React.useEffect(() => (source ? source.subscribe((status) => setUntil(status.pausedUntil)) : undefined), [source]);
  React.useEffect(() => {
    if (until === undefined) {
      return undefined;
    }
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until !== undefined && until > now ? Math.ceil((until - now) / 1000) : undefined;
}
