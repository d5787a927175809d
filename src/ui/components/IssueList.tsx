// The issues grouped by sheet, with a severity filter. Each issue is a button: activating it shows its cell.
// Severity is said in words and an icon-like mark, never by colour alone.

import { Badge, makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Issue, Severity } from '../../engine';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '4px', flexWrap: 'wrap', alignItems: 'center', marginBottom: '8px' },
  filterLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, marginRight: '2px' },
  off: { color: tokens.colorNeutralForeground4, textDecorationLine: 'line-through' },
  group: { marginBottom: '10px' },
  sheet: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: '6px 0 4px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'block', width: '100%', textAlign: 'left', cursor: 'pointer', padding: '6px 8px', borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontFamily: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  selected: { border: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  head: { display: 'flex', alignItems: 'center', gap: '6px', marginBottom: '2px' },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  value: { display: 'block', marginTop: '4px', paddingTop: '4px', borderTop: `1px dashed ${tokens.colorNeutralStroke2}`, color: tokens.colorNeutralForeground2 },
  line: { display: 'block' },
  empty: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const BADGE: Record<Severity, { color: 'danger' | 'warning' | 'informative'; mark: string }> = {
  error: { color: 'danger', mark: '✕' },
  warning: { color: 'warning', mark: '!' },
  info: { color: 'informative', mark: 'i' },
};

export const issueKey = (i: Issue) => `${i.rule}|${i.sheet}|${i.cell}`;

export interface IssueListProps {
  issues: Issue[];
  strings: Strings;
  selected: Issue | null;
  onSelect(issue: Issue): void;
  /** Lines about the selected issue's cell (its project, column, content), shown under it on the web page. */
  cellLines?: string[] | null;
}

export function IssueList({ issues, strings, selected, onSelect, cellLines }: IssueListProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const counts = useMemo(() => Object.fromEntries(SEVERITIES.map((s) => [s, issues.filter((i) => i.severity === s).length])) as Record<Severity, number>, [issues]);
  const groups = useMemo(() => {
    const bySheet = new Map<string, Issue[]>();
    for (const issue of issues) {
      if (!shown[issue.severity]) continue;
      bySheet.set(issue.sheet, [...(bySheet.get(issue.sheet) ?? []), issue]);
    }
    return [...bySheet];
  }, [issues, shown]);

  if (issues.length === 0) return <p className={styles.empty}>{strings.noIssues}</p>;
  return (
    <section aria-label={strings.issueCount(counts.error, counts.warning, counts.info)}>
      <div className={styles.filters} role="group" aria-labelledby="issue-filter-label">
        <span id="issue-filter-label" className={styles.filterLabel}>{strings.filter}</span>
        {SEVERITIES.map((s) => (
          // On: pressed, with a check mark; off: flat, greyed and struck through. The state shows without colour too.
          <ToggleButton key={s} size="small" checked={shown[s]} appearance={shown[s] ? 'secondary' : 'subtle'}
            aria-pressed={shown[s]} title={`${strings.severity[s]} ${shown[s] ? strings.shown : strings.hidden}`}
            onClick={() => setShown({ ...shown, [s]: !shown[s] })}>
            <span className={shown[s] ? undefined : styles.off}>{`${shown[s] ? '✓ ' : ''}${strings.severity[s]} ${counts[s]}`}</span>
          </ToggleButton>
        ))}
      </div>
      {groups.length === 0 && <p className={styles.empty}>{strings.hiddenByFilter}</p>}
      {groups.map(([sheet, list]) => (
        <div key={sheet} className={styles.group}>
          <h3 className={styles.sheet}>{strings.issuesOn(sheet, list.length)}</h3>
          <ul className={styles.list}>
            {list.map((issue) => {
              const isSelected = selected !== null && issueKey(selected) === issueKey(issue);
              return (
                <li key={issueKey(issue)}>
                  <button
                    type="button"
                    className={`${styles.item} ${isSelected ? styles.selected : ''}`}
                    aria-current={isSelected ? 'true' : undefined}
                    data-issue={`${issue.sheet}!${issue.cell}`}
                    onClick={() => onSelect(issue)}
                  >
                    <span className={styles.head}>
                      <Badge size="small" appearance="filled" color={BADGE[issue.severity].color} aria-hidden>{BADGE[issue.severity].mark}</Badge>
                      <span>{strings.severity[issue.severity]}</span>
                      <span className={styles.cell}>{issue.cell}</span>
                    </span>
                    <span>{issue.message}</span>
                    {isSelected && cellLines && (
                      <span className={styles.value}>
                        {cellLines.map((line) => <span key={line} className={styles.line}>{line}</span>)}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
