// What the pane shows before it can work: connecting to Excel, still waiting, or why it cannot start.

import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from '@fluentui/react-components';

export function Starting({ text, hint, failed = false }: { text: string; hint?: string; failed?: boolean }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 10 }} role="status" aria-live="polite">
        {failed ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{text}</MessageBarBody>
          </MessageBar>
        ) : (
          <Spinner size="small" label={text} labelPosition="after" style={{ justifyContent: 'flex-start' }} />
        )}
        {hint && <p style={{ fontSize: 12, marginTop: 8 }}>{hint}</p>}
      </main>
    </FluentProvider>
  );
}
