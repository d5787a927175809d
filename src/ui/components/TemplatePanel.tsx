// 对照模板: the bureau's template the workbook is compared with, chosen once and remembered on this machine.

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { Lang } from '../../engine';
import type { Strings } from '../i18n';
import type { ChosenTemplate } from '../template';

const useStyles = makeStyles({
  panel: { fontSize: tokens.fontSizeBase200, marginBottom: '8px' },
  line: { display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap' },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  hint: { color: tokens.colorNeutralForeground3, margin: '2px 0 0' },
});

export interface TemplatePanelProps {
  strings: Strings;
  lang: Lang;
  template: ChosenTemplate | null;
  remembered: boolean;
  busy: boolean;
  onChoose(file: File): void;
  onForget(): void;
}

export function TemplatePanel({ strings, lang, template, remembered, busy, onChoose, onForget }: TemplatePanelProps) {
  const styles = useStyles();
  const t = strings.template;
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.panel} aria-label={t.label}>
      <div className={styles.line}>
        <span>{strings.labelled(t.label, '')}<span className={styles.name} data-testid="template-name">{template ? template.name : t.none}</span></span>
        <Button size="small" disabled={busy} onClick={() => input.current?.click()}>{template ? t.change : t.choose}</Button>
        {template && <Button size="small" appearance="subtle" disabled={busy} onClick={onForget}>{t.forget}</Button>}
      </div>
      <input ref={input} type="file" accept=".xlsx,.xlsm" hidden aria-label={t.choose} data-testid="template-input"
        onChange={(e) => { const f = e.target.files?.[0]; if (f) onChoose(f); e.target.value = ''; }} />
      {template?.carried?.profile && <p className={styles.hint}>{t.carries(template.carried.profile.label[lang])}</p>}
      {!template && <p className={styles.hint}>{t.hint}</p>}
      {template && !remembered && <p className={styles.hint}>{t.notRemembered}</p>}
    </section>
  );
}
