// The web page's file bar: which workbook is open, open another (picker or drag-and-drop), download the result.

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  zone: {
    border: `1px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: '8px', marginBottom: '8px',
    fontSize: tokens.fontSizeBase200,
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  row: { display: 'flex', gap: '6px', margin: '6px 0 4px', flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3, margin: 0 },
});

export interface FilePanelProps {
  strings: Strings;
  fileName: string;
  busy: boolean;
  onOpen(file: File): void;
  onDownload(): void;
}

export function FilePanel({ strings, fileName, busy, onOpen, onDownload }: FilePanelProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (file: File | undefined) => {
    if (file) onOpen(file);
  };
  return (
    <div
      className={`${styles.zone} ${over ? styles.over : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => { e.preventDefault(); setOver(false); take(e.dataTransfer.files[0]); }}
    >
      <div>{strings.labelled(strings.file.current, '')}<span className={styles.name} data-testid="file-name">{fileName}</span></div>
      <div className={styles.row}>
        <Button size="small" disabled={busy} onClick={() => input.current?.click()}>{strings.file.open}</Button>
        <Button size="small" appearance="primary" disabled={busy} onClick={onDownload}>{strings.file.download}</Button>
      </div>
      <input ref={input} type="file" accept=".xlsx,.xlsm" hidden aria-label={strings.file.open}
        onChange={(e) => { take(e.target.files?.[0]); e.target.value = ''; }} />
      <p className={styles.hint}>{strings.file.drop}</p>
      <p className={styles.hint}>{strings.file.privacy}</p>
    </div>
  );
}
