/**
 * Keeps a bug in the pane from leaving it blank: a render error shows a message and a 重新加载 button that mounts
 * the pane afresh. (Errors from Excel are handled by the pane itself and never reach here.)
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../core/finding";
import { describeError } from "../errors";
import { format } from "../i18n";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM },
  detail: { display: "block", marginTop: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
});

function CrashMessage({ error, lang, onReload }: { error: unknown; lang: Lang; onReload(): void }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{format(lang, "crashTitle")}</MessageBarTitle>
          {format(lang, "crashBody")}
          <span className={styles.detail}>{describeError(error, lang)}</span>
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onReload}>
            {format(lang, "reload")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

interface Props {
  lang: Lang;
  children: React.ReactNode;
}

interface State {
  error?: unknown;
  failed: boolean;
  /** Bumped on reload, so the children mount afresh. */
  generation: number;
}

export class ErrorBoundary extends React.Component<Props, State> {
  override state: State = { failed: false, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: React.ErrorInfo): void {
    // The only place the pane logs: a bug report needs the component stack. Nothing leaves the machine.
    console.error("goaltable pane error", error, info.componentStack);
  }

  private readonly reload = () => {
    this.setState((s) => ({ failed: false, error: undefined, generation: s.generation + 1 }));
  };

  override render(): React.ReactNode {
    if (this.state.failed)
      return <CrashMessage error={this.state.error} lang={this.props.lang} onReload={this.reload} />;
    return <React.Fragment key={this.state.generation}>{this.props.children}</React.Fragment>;
  }
}
