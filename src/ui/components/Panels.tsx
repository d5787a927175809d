// The smaller parts of the pane: what was recognised, the settings, the notice bar.

import {
  Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, tokens,
} from '@fluentui/react-components';
import { forwardRef, useState } from 'react';
import { type Analysis, type Lang, PROFILES, unfilledCount } from '../../engine';
import type { Settings } from '../host';
import type { Strings } from '../i18n';
import type { Notice } from '../useSession';

const useStyles = makeStyles({
  recognised: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: '0 0 8px' },
  settings: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '8px', marginBottom: '8px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
});

export interface RecognisedProps {
  analysis: Analysis;
  strings: Strings;
  lang: Lang;
  profileFrom: string;
  comparison: { name: string; count: number } | null;
}

export function Recognised({ analysis, strings, lang, profileFrom, comparison }: RecognisedProps) {
  const styles = useStyles();
  const m = analysis.model;
  const parts: string[] = [];
  if (m.lists.length) parts.push(strings.lists(m.lists.length, m.lists.reduce((n, l) => n + l.rows.length, 0)));
  if (m.indicatorLists.length) parts.push(strings.indicatorLists(m.indicatorLists.length, m.indicatorLists.reduce((n, l) => n + l.indicators.length, 0)));
  if (m.forms.length) parts.push(strings.forms(m.forms.length));
  if (m.departments.length) parts.push(strings.departments(m.departments.length));
  const unfilled = unfilledCount(m);
  if (unfilled) parts.push(strings.unfilled(unfilled));
  const sheets = [...new Set([...m.lists, ...m.indicatorLists, ...m.forms, ...m.departments].map((t) => t.sheet))];
  if (parts.length === 0) return <p className={styles.recognised}>{strings.noTable}</p>;
  return (
    <p className={styles.recognised} data-testid="recognised">
      {strings.found(parts)}
      <br />
      {strings.onSheets(sheets)}
      <br />
      <span data-testid="profile-used">{strings.profileUsed(analysis.profileLabel[lang], profileFrom)}</span>
      {comparison && (
        <>
          <br />
          <span data-testid="template-result">{comparison.count ? strings.template.differs(comparison.name, comparison.count) : strings.template.same(comparison.name)}</span>
        </>
      )}
    </p>
  );
}

export function SettingsPanel({ settings, strings, busy, onSave }: { settings: Settings; strings: Strings; busy: boolean; onSave(s: Settings): void }) {
  const styles = useStyles();
  const [draft, setDraft] = useState(settings);
  return (
    <form className={styles.settings} onSubmit={(e) => { e.preventDefault(); onSave(draft); }} aria-label={strings.settings}>
      <Field label={strings.profile}>
        <Select value={draft.profile} onChange={(_, d) => setDraft({ ...draft, profile: d.value })}>
          <option value="">{strings.profileAuto}</option>
          {Object.values(PROFILES).map((p) => <option key={p.name} value={p.name}>{p.label[draft.lang]}</option>)}
        </Select>
      </Field>
      <Field label={strings.year}>
        <Input type="number" value={draft.year === null ? '' : String(draft.year)} placeholder={strings.yearPlaceholder}
          onChange={(_, d) => setDraft({ ...draft, year: d.value === '' ? null : Number(d.value) })} />
      </Field>
      <Field label={strings.unitName}>
        <Input value={draft.unitName} placeholder={strings.unitPlaceholder} onChange={(_, d) => setDraft({ ...draft, unitName: d.value })} />
      </Field>
      <Field label={strings.language}>
        <Select value={draft.lang} onChange={(_, d) => setDraft({ ...draft, lang: d.value as Lang })}>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </Select>
      </Field>
      <Button type="submit" appearance="primary" size="small" disabled={busy}>{strings.saveSettings}</Button>
    </form>
  );
}

/** The outcome of the last action; focusable, so focus lands here when the button that acted goes away. */
export const NoticeBar = forwardRef<HTMLDivElement, { notice: Notice; strings: Strings }>(function NoticeBar({ notice, strings }, ref) {
  return (
    <MessageBar ref={ref} tabIndex={-1} intent={notice.intent} layout="multiline" style={{ marginBottom: 8 }}>
      <MessageBarBody>
        {notice.intent === 'error' && <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>}
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
});
