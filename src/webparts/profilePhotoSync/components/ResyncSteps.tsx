import * as React from 'react';
import { useInstanceId, useUniqueRegionName } from '../../../shared/components/useInstanceId';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { IBrowserInfo } from '../browser/detectBrowser';
import { format } from '../../../shared/components/format';
import { IKeyValueStore, useStepProgress } from './useStepProgress';
import { useTheme } from '@fluentui/react/lib/Theme';
import { getClassNames } from './styles';

export const OFFICE_URL = 'https://www.office.com';

export interface IResyncStepsProps {
  browser: IBrowserInfo;
  /** Hosted in Teams, which cannot open a private window. */
  isTeams: boolean;
  store?: IKeyValueStore;
  /** Where ticked steps are remembered (per user). */
  storageKey: string;
  /** Writes text to the clipboard; rejects when the browser refuses. */
  copyText: (text: string) => Promise<void>;
}

interface IStep {
  id: string;
  text: string;
}

/** Microsoft's private-window sign-in, in the words of the user's own browser, with steps they can tick off. */
export function ResyncSteps(props: IResyncStepsProps): JSX.Element {
  const headingId = useInstanceId('pps-steps-heading');
  const regionName = useUniqueRegionName(strings.StepsHeading);
  const styles = getClassNames(useTheme());
  const [done, toggle] = useStepProgress(props.store, props.storageKey);
  const [copy, setCopy] = React.useState<'idle' | 'copied' | 'failed'>('idle');
  const steps: IStep[] = [
    { id: 'private', text: privateWindowStep(props.browser) },
    { id: 'office', text: strings.StepGoToOffice },
    { id: 'sign-in', text: strings.StepSignIn },
    { id: 'open-app', text: strings.StepOpenApp },
    { id: 'come-back', text: strings.StepComeBack }
  ];
  const doneCount = steps.filter((s) => done.indexOf(s.id) >= 0).length;

  const onCopy = (): void => {
    props.copyText(OFFICE_URL).then(
      () => setCopy('copied'),
      () => setCopy('failed')
    );
  };

  return (
    <section className={styles.steps} aria-label={regionName}>
      <h3 id={headingId} className={styles.stepsHeading}>
        {strings.StepsHeading}
      </h3>
      {props.isTeams && <p className={styles.stepsNote}>{strings.StepsTeamsNote}</p>}
      <p>{strings.StepsIntro}</p>
      <ol className={styles.stepList}>
        {steps.map((step) => (
          <li key={step.id}>
            <div className={styles.step}>
              <span className={styles.stepMain}>
                <Checkbox
                  checked={done.indexOf(step.id) >= 0}
                  onChange={(_e, checked) => toggle(step.id, !!checked)}
                  ariaLabel={format(strings.StepDoneLabel, step.text)}
                  className={styles.stepCheck}
                />
                <span className={done.indexOf(step.id) >= 0 ? styles.stepDone : styles.stepText}>{step.text}</span>
              </span>
              {step.id === 'office' && (
                <DefaultButton
                  className={styles.copyButton}
                  iconProps={{ iconName: copy === 'copied' ? 'CheckMark' : 'Link' }}
                  text={copy === 'copied' ? strings.LinkCopied : copy === 'failed' ? strings.CopyFailed : strings.CopyLink}
                  onClick={onCopy}
                />
              )}
            </div>
          </li>
        ))}
      </ol>
      <p className={styles.stepsNote} aria-live="polite">
        {format(strings.StepsProgress, doneCount, steps.length)}
      </p>
      <p className={styles.stepsNote}>{strings.StepsWaitNote}</p>
    </section>
  );
}

/** "Open an InPrivate window in Microsoft Edge: press Ctrl+Shift+N." and its variants. */
export function privateWindowStep(browser: IBrowserInfo): string {
  const names: Record<IBrowserInfo['browser'], [string, string]> = {
    edge: [strings.PrivateWindowEdge, strings.BrowserEdge],
    chrome: [strings.PrivateWindowChrome, strings.BrowserChrome],
    firefox: [strings.PrivateWindowFirefox, strings.BrowserFirefox],
    safari: [strings.PrivateWindowSafari, strings.BrowserSafari],
    other: [strings.PrivateWindowOther, strings.BrowserOther]
  };
  const [windowName, browserName] = names[browser.browser];
  if (browser.os === 'ios' || browser.os === 'android') {
    return format(strings.StepOpenPrivateMobile, windowName, browserName);
  }
  const shortcut = browser.privateWindowShortcut;
  if (!shortcut) {
    return format(strings.StepOpenPrivate, windowName, browserName);
  }
  // Spelled out (not ⌘⇧N) so that screen readers read it as people say it, in the keyboard's own words.
  const keys = [shortcut.modifier === 'cmd' ? strings.KeyCmd : strings.KeyCtrl, strings.KeyShift, shortcut.key].join('+');
  return format(strings.StepOpenPrivateWithShortcut, windowName, browserName, keys);
}
