// Before 计算并回填 writes: how many cells on which sheets will change. After: what changed. Before
// 撤销上次回填: which cells go back and which, changed since the fill, stay as they are.

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { type CellWrite, displayValue, type Plan } from '../../engine';
import type { UndoReport } from '../host';
import type { Strings } from '../i18n';
import { changedCells, when } from '../useSession';

const useStyles = makeStyles({
  box: { border: `1px solid ${tokens.colorBrandStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '8px', backgroundColor: tokens.colorBrandBackground2, marginBottom: '8px' },
  list: { margin: '4px 0', paddingLeft: '18px' },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: '4px 0 8px' },
  buttons: { display: 'flex', gap: '8px' },
  details: { fontSize: tokens.fontSizeBase200, marginBottom: '8px' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

function bySheet(writes: CellWrite[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const w of writes) counts.set(w.sheet, (counts.get(w.sheet) ?? 0) + 1);
  return [...counts];
}

function shown(value: unknown, format: string | null, blank: string): string {
  return displayValue(value, format) ?? blank;
}

/** Writes over something the unit typed (a score the rules do not give, a grade): the preview names each. */
function replacing(writes: CellWrite[]): CellWrite[] {
  return writes.filter((w) => w.before !== null && w.before !== '' && String(w.before) !== String(w.value));
}

/** The cells a preview names before it defers to the issue list. */
const NAMED = 10;

export function Preview({ plan, strings, busy, onConfirm, onCancel }: { plan: Plan; strings: Strings; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const styles = useStyles();
  if (plan.writes.length === 0) {
    return (
      <div className={styles.box} role="status">
        <p>{strings.previewNone}</p>
        <Button size="small" onClick={onCancel}>{strings.cancel}</Button>
      </div>
    );
  }
  const replaced = replacing(plan.writes);
  return (
    <div className={styles.box} role="region" aria-label={strings.preview(plan.writes.length)}>
      <strong>{strings.preview(plan.writes.length)}</strong>
      <ul className={styles.list}>
        {bySheet(plan.writes).map(([sheet, n]) => <li key={sheet}>{strings.previewSheet(sheet, n)}</li>)}
      </ul>
      {replaced.length > 0 && (
        <>
          <p className={styles.note}>{strings.previewReplaces(replaced.length)}</p>
          <ul className={styles.list} data-testid="preview-replaced">
            {replaced.slice(0, NAMED).map((w) => (
              <li key={`${w.sheet}!${w.cell}`}>
                <span className={styles.mono}>{`${w.sheet}!${w.cell}`}</span>
                {` ${shown(w.before, null, strings.blank)} → ${shown(w.value, w.numberFormat, strings.blank)}`}
              </li>
            ))}
          </ul>
          {replaced.length > NAMED && <p className={styles.note}>{strings.previewMore(replaced.length - NAMED)}</p>}
        </>
      )}
      <p className={styles.note}>{replaced.length > 0 ? strings.previewNoteReplacing : strings.previewNote}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" size="small" disabled={busy} onClick={onConfirm}>{strings.confirmWrite}</Button>
        <Button size="small" disabled={busy} onClick={onCancel}>{strings.cancel}</Button>
      </div>
    </div>
  );
}

export function Written({ writes, strings }: { writes: CellWrite[]; strings: Strings }) {
  const styles = useStyles();
  if (writes.length === 0) return null;
  return (
    <details className={styles.details}>
      <summary>{strings.writtenList(writes.length)}</summary>
      <ul className={styles.list}>
        {writes.map((w) => (
          <li key={`${w.sheet}!${w.cell}`}>
            <span className={styles.mono}>{`${w.sheet}!${w.cell}`}</span>
            {` ${shown(w.before, null, strings.blank)} → ${shown(w.value, w.numberFormat, strings.blank)}`}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function UndoPreview({ report, strings, busy, onConfirm, onCancel }: { report: UndoReport; strings: Strings; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const styles = useStyles();
  const { restore, unchanged, changed } = report.plan;
  const total = restore.length + unchanged.length + changed.length;
  const title = strings.undoFound(when(report.at), total);
  return (
    <div className={styles.box} role="region" aria-label={title}>
      <strong>{title}</strong>
      <p className={styles.note}>
        {restore.length ? strings.undoWill(restore.length) : strings.undoNothingLeft}
        {unchanged.length > 0 && `${strings.gap}${strings.undoAlready(unchanged.length)}`}
        {changed.length > 0 && `${strings.gap}${strings.undoKeeps(changed.length, changedCells(report, strings))}`}
      </p>
      <div className={styles.buttons}>
        <Button appearance="primary" size="small" disabled={busy || restore.length === 0} onClick={onConfirm}>{strings.confirmUndo}</Button>
        <Button size="small" disabled={busy} onClick={onCancel}>{strings.cancel}</Button>
      </div>
    </div>
  );
}
