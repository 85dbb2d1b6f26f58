/** Lint finding, exactly the "Lint findings, JSON" shape of the SPEC. */
export type LintLevel = 'error' | 'warning' | 'info' | 'style';

export interface LintFinding {
  file: string;
  line: number;
  column: number;
  level: LintLevel;
  /** This project's rule id. */
  code: string;
  message: string;
  /** Equivalent hadolint / Trivy / Dockle-CIS / Checkov / BuildKit ids. */
  aliases: string[];
  /** One imperative sentence. */
  fix: string;
}
