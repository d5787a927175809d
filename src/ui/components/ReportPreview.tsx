// The report as drafted, readable in the pane: on the web page the 自评报告 sheet is only seen after
// downloading, so its text and tables show here. Long tables show their first rows.

import { makeStyles, tokens } from '@fluentui/react-components';
import type { Block, ReportDocument, TableValue } from '../../engine';
import type { Strings } from '../i18n';

const ROWS_SHOWN = 30;

const useStyles = makeStyles({
  box: { marginBottom: '8px', fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  page: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '8px', marginTop: '6px', backgroundColor: tokens.colorNeutralBackground1 },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, textAlign: 'center', margin: '0 0 2px' },
  subtitle: { color: tokens.colorNeutralForeground3, textAlign: 'center', margin: '0 0 8px' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '10px 0 4px' },
  subheading: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: '6px 0 2px' },
  paragraph: { margin: '0 0 6px', textIndent: '2em', lineHeight: tokens.lineHeightBase300 },
  placeholder: { margin: '0 0 6px', padding: '2px 4px', backgroundColor: '#FFF2CC', color: '#C00000' },
  scroll: { overflowX: 'auto', marginBottom: '6px' },
  table: { borderCollapse: 'collapse', minWidth: '100%' },
  caption: { fontWeight: tokens.fontWeightSemibold, padding: '2px 0' },
  // Columns keep a readable width; a table wider than the pane scrolls sideways.
  cell: { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '2px 4px', verticalAlign: 'top', minWidth: '4.5em' },
  header: { backgroundColor: '#D9E1F2', whiteSpace: 'nowrap' },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  more: { color: tokens.colorNeutralForeground3 },
});

/** A table value as the report sheet shows it (percent and score columns with two decimals). */
function shown(value: TableValue, format: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (format === 'percent') return `${(value * 100).toFixed(2)}%`;
  if (format === 'score') return value.toFixed(2);
  return String(value);
}

function BlockView({ block, strings }: { block: Block; strings: Strings }) {
  const styles = useStyles();
  switch (block.kind) {
    case 'heading':
      return <h3 className={styles.heading}>{block.text}</h3>;
    case 'subheading':
      return <h4 className={styles.subheading}>{block.text}</h4>;
    case 'paragraph':
      return <p className={styles.paragraph}>{block.text}</p>;
    case 'placeholder':
      return <p className={styles.placeholder}>{block.text}</p>;
    case 'field':
      return <p className={styles.paragraph}>{block.label}：{block.value || '＿＿＿＿＿＿'}</p>;
    case 'table':
      return (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <caption className={styles.caption}>{block.caption}</caption>
            <thead>
              <tr>{block.columns.map((c) => <th key={c.title} className={`${styles.cell} ${styles.header}`}>{c.title}</th>)}</tr>
            </thead>
            <tbody>
              {block.rows.slice(0, ROWS_SHOWN).map((row, r) => (
                <tr key={r}>
                  {row.map((v, i) => (
                    <td key={i} className={`${styles.cell} ${typeof v === 'number' ? styles.number : ''}`}>{shown(v, block.columns[i].format)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {block.rows.length > ROWS_SHOWN && <p className={styles.more}>{strings.previewMoreRows(block.rows.length)}</p>}
        </div>
      );
  }
}

export function ReportPreview({ report, strings }: { report: ReportDocument; strings: Strings }) {
  const styles = useStyles();
  return (
    <details className={styles.box} open>
      <summary className={styles.summary}>{strings.reportPreview}</summary>
      <article className={styles.page} aria-label={strings.reportPreview}>
        <p className={styles.title}>{report.title}</p>
        <p className={styles.subtitle}>{report.subtitle}</p>
        {report.blocks.map((block, i) => <BlockView key={i} block={block} strings={strings} />)}
      </article>
    </details>
  );
}
