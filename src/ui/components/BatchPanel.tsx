// 批量审核 on the web page: choose or drop many units' workbooks (or a folder), see how each stands, and
// download the review (审核汇总.xlsx). Fits 320 px; the same look as the file bar.

import { Button, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { unitStatus, type UnitStatus } from '../../engine/review';
import type { Strings } from '../i18n';
import type { ChosenTemplate } from '../template';
import { chosenEntries, droppedEntries, REVIEW_FILE, useBatch } from '../useBatch';

const useStyles = makeStyles({
  panel: { fontSize: tokens.fontSizeBase200, marginBottom: '8px' },
  zone: { border: `1px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: '8px', marginBottom: '8px' },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', gap: '6px', margin: '6px 0 4px', flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3, margin: '2px 0' },
  line: { margin: '4px 0', wordBreak: 'break-all' },
  list: { listStyle: 'none', padding: 0, margin: '6px 0', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  item: { display: 'flex', alignItems: 'baseline', gap: '6px', padding: '4px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  name: { flex: '1 1 auto', minWidth: 0, wordBreak: 'break-all' },
  file: { display: 'block', color: tokens.colorNeutralForeground3 },
  badge: { flex: '0 0 auto', padding: '0 6px', borderRadius: tokens.borderRadiusSmall, whiteSpace: 'nowrap' },
  errors: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  warnings: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorPaletteDarkOrangeForeground2 },
  clean: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
  unreadable: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorPaletteRedForeground2 },
});

export interface BatchPanelProps {
  strings: Strings;
  template: ChosenTemplate | null;
}

export function BatchPanel({ strings, template }: BatchPanelProps) {
  const styles = useStyles();
  const t = strings.batch;
  const { state, run, reset } = useBatch(template);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [downloaded, setDownloaded] = useState(false);
  const running = state.phase === 'running';
  const review = state.review;

  const start = (entries: Parameters<typeof run>[0]) => {
    setDownloaded(false);
    if (entries.length) void run(entries);
  };
  const download = () => {
    if (!state.url) return;
    const a = document.createElement('a');
    a.href = state.url;
    a.download = REVIEW_FILE;
    a.click();
    setDownloaded(true);
  };
  const look: Record<UnitStatus, string> = { errors: styles.errors, warnings: styles.warnings, clean: styles.clean, unreadable: styles.unreadable };

  return (
    <section className={styles.panel} aria-label={t.title}>
      <div
        className={`${styles.zone} ${over ? styles.over : ''}`}
        data-testid="batch-zone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!running) void droppedEntries(e.dataTransfer).then(start);
        }}
      >
        <p className={styles.hint}>{t.hint}</p>
        <div className={styles.row}>
          <Button size="small" appearance={review ? 'secondary' : 'primary'} disabled={running} onClick={() => files.current?.click()}>{t.chooseFiles}</Button>
          <Button size="small" disabled={running} onClick={() => folder.current?.click()}>{t.chooseFolder}</Button>
        </div>
        <input ref={files} type="file" multiple accept=".xlsx,.xlsm,.xls" hidden aria-label={t.chooseFiles} data-testid="batch-files"
          onChange={(e) => { start(chosenEntries(e.target.files)); e.target.value = ''; }} />
        <input ref={folder} type="file" hidden aria-label={t.chooseFolder} data-testid="batch-folder" {...{ webkitdirectory: '' }}
          onChange={(e) => { start(chosenEntries(e.target.files)); e.target.value = ''; }} />
        <p className={styles.hint}>{t.drop}</p>
        <p className={styles.hint}>{t.privacy}</p>
        {template && <p className={styles.hint}>{t.template(template.name)}</p>}
      </div>

      {running && (
        <div role="status" aria-live="polite">
          <ProgressBar value={state.total ? state.done / state.total : 0} aria-label={t.running(state.done, state.total)} />
          <p className={styles.line}>{t.running(state.done, state.total)}{state.current ? `：${state.current}` : ''}</p>
        </div>
      )}

      {state.phase === 'done' && review && (
        <div data-testid="batch-result">
          {review.units.length === 0 ? (
            <p className={styles.line} role="status">{t.none}</p>
          ) : (
            <>
              <p className={styles.line} role="status">
                {t.summary(review.totals.files, review.totals.readable, review.totals.unreadable)}
                {t.returned(review.totals.returned, review.totals.errors, review.totals.warnings)}
              </p>
              <div className={styles.row}>
                <Button size="small" appearance="primary" onClick={download}>{t.download}</Button>
                <Button size="small" appearance="subtle" onClick={() => { reset(); setDownloaded(false); }}>{t.again}</Button>
              </div>
              {downloaded && <p className={styles.line} role="status">{t.downloaded}</p>}
            </>
          )}
          {review.skipped.length > 0 && (
            <p className={styles.hint}>{t.skipped(review.skipped)}</p>
          )}
          {review.units.length > 0 && (
            <ul className={styles.list} aria-label={t.units}>
              {review.units.map((u) => {
                const status = unitStatus(u);
                return (
                  <li key={u.file} className={styles.item} data-unit={u.file}>
                    <span className={styles.name}>
                      {u.unit ?? u.file}
                      {u.unit && <span className={styles.file}>{u.file}</span>}
                      {status === 'unreadable' && <span className={styles.file}>{u.reason}</span>}
                    </span>
                    <span className={`${styles.badge} ${look[status]}`} title={u.errors === null ? undefined : t.counts(u.errors, u.warnings ?? 0)}>
                      {t.status[status]}{status === 'errors' ? ` ${u.errors}` : ''}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
