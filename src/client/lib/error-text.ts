// The words for every error code, in one table: what the live screens say (title, detail, tone),
// what a chart that failed to load says, and what the export form says (nothing was saved).
// A new error code does not compile until it has its words here.
import { t } from '@/client/i18n/i18n';
import type { MessageKey } from '@/shared/i18n/message-key';
import { ApiRequestError, type RequestErrorCode } from './api-client';

/** A problem as the UI holds it: an error code and the server's message. */
export interface Problem {
  code: RequestErrorCode;
  message: string;
  field?: string | undefined;
  /** The server's own wait before its next attempt, when it said (error body or staleReason). */
  retryInSeconds?: number | null | undefined;
}

export interface ProblemText {
  /** One sentence, ending in a full stop: what is wrong. */
  title: string;
  /** What it means or what to do; may be empty. */
  detail: string;
  tone: 'offline' | 'config' | 'vendor';
}

export interface ExportProblemText {
  title: string;
  detail: string;
}

/** Said when asked, so in the language active then. */
type Words<T> = (problem: Problem) => T;

interface CodeWords {
  /** The live numbers (dashboard banner and panels, announcements). */
  live: Words<ProblemText>;
  /** A chart or table whose counts could not be loaded. */
  load: Words<string>;
  /** A CSV export that did not start. */
  export: Words<ExportProblemText>;
}

// Nothing was saved: said before every export failure's own words.
const nothingSaved = (detail: string) => t('errors.export.nothingSaved', { detail });
const LIVE_FALLBACK = ({ message }: Problem): ProblemText => ({ title: t('errors.fallback.live'), detail: message, tone: 'vendor' });
const EXPORT_FALLBACK = ({ message }: Problem): ExportProblemText => ({ title: t('errors.fallback.export'), detail: nothingSaved(message) });
const NO_COUNTS = () => t('errors.noCounts');
const SERVER_FAILED = () => t('errors.serverFailed');

/** Words with no server message in them, said in the active language when asked. */
const live = (title: MessageKey, detail: MessageKey, tone: ProblemText['tone']) => (): ProblemText => ({ title: t(title), detail: t(detail), tone });
const load = (key: MessageKey) => () => t(key);
const exported = (title: MessageKey, detail: MessageKey) => (): ExportProblemText => ({ title: t(title), detail: t(detail) });

const WORDS: Record<RequestErrorCode, CodeWords> = {
  network: {
    live: live('errors.network.liveTitle', 'errors.network.liveDetail', 'offline'),
    load: load('errors.network.load'),
    export: exported('errors.network.exportTitle', 'errors.network.exportDetail'),
  },
  upstream_unavailable: {
    live: live('errors.upstreamUnavailable.liveTitle', 'errors.upstreamUnavailable.liveDetail', 'vendor'),
    load: load('errors.upstreamUnavailable.load'),
    export: exported('errors.upstreamUnavailable.exportTitle', 'errors.upstreamUnavailable.exportDetail'),
  },
  upstream_timeout: {
    live: live('errors.upstreamTimeout.liveTitle', 'errors.upstreamTimeout.liveDetail', 'vendor'),
    load: load('errors.upstreamTimeout.load'),
    export: exported('errors.upstreamTimeout.exportTitle', 'errors.upstreamTimeout.exportDetail'),
  },
  upstream_format: {
    live: live('errors.upstreamFormat.liveTitle', 'errors.upstreamFormat.liveDetail', 'vendor'),
    load: load('errors.upstreamFormat.load'),
    export: exported('errors.upstreamFormat.exportTitle', 'errors.upstreamFormat.exportDetail'),
  },
  upstream_auth: {
    live: live('errors.upstreamAuth.liveTitle', 'errors.upstreamAuth.liveDetail', 'config'),
    load: load('errors.upstreamAuth.load'),
    export: exported('errors.upstreamAuth.exportTitle', 'errors.upstreamAuth.exportDetail'),
  },
  rate_limited: {
    live: live('errors.rateLimited.liveTitle', 'errors.rateLimited.liveDetail', 'vendor'),
    load: load('errors.rateLimited.load'),
    export: ({ message }) => ({ title: t('errors.rateLimited.exportTitle'), detail: nothingSaved(message) }),
  },
  unauthorized: {
    live: live('errors.unauthorized.liveTitle', 'errors.unauthorized.liveDetail', 'config'),
    load: load('errors.unauthorized.load'),
    export: ({ message }) => ({ title: t('errors.unauthorized.exportTitle'), detail: message }),
  },
  bad_credentials: {
    live: live('errors.badCredentials.liveTitle', 'errors.badCredentials.liveDetail', 'config'),
    load: load('errors.badCredentials.liveTitle'),
    export: exported('errors.badCredentials.exportTitle', 'errors.badCredentials.exportDetail'),
  },
  setup_required: {
    live: live('errors.setupRequired.liveTitle', 'errors.setupRequired.liveDetail', 'config'),
    load: load('errors.setupRequired.liveTitle'),
    export: exported('errors.setupRequired.exportTitle', 'errors.setupRequired.exportDetail'),
  },
  display_revoked: {
    live: live('errors.displayRevoked.liveTitle', 'errors.displayRevoked.liveDetail', 'config'),
    load: load('errors.displayRevoked.liveTitle'),
    export: () => ({ title: t('errors.displayRevoked.exportTitle'), detail: t('errors.export.nothingSavedAlone') }),
  },
  forbidden: {
    live: live('errors.forbidden.liveTitle', 'errors.forbidden.liveDetail', 'config'),
    load: load('errors.forbidden.load'),
    export: ({ message }) => ({ title: t('errors.forbidden.exportTitle'), detail: nothingSaved(message) }),
  },
  conflict: { live: LIVE_FALLBACK, load: ({ message }) => message, export: EXPORT_FALLBACK },
  locked: { live: LIVE_FALLBACK, load: ({ message }) => message, export: EXPORT_FALLBACK },
  invalid_response: {
    live: live('errors.invalidResponse.liveTitle', 'errors.invalidResponse.liveDetail', 'config'),
    load: load('errors.invalidResponse.load'),
    export: EXPORT_FALLBACK,
  },
  no_pro_devices: {
    live: LIVE_FALLBACK,
    load: NO_COUNTS,
    export: exported('errors.noProDevices.exportTitle', 'errors.noProDevices.exportDetail'),
  },
  no_data: {
    live: LIVE_FALLBACK,
    load: NO_COUNTS,
    export: ({ message, field }) => ({ title: t('errors.noData.exportTitle'), detail: field === 'devices' ? message : t('errors.noData.exportDetail') }),
  },
  bad_request: {
    live: LIVE_FALLBACK,
    load: ({ message }) => message,
    export: ({ message }) => ({ title: t('errors.badRequest.exportTitle'), detail: message }),
  },
  not_found: { live: LIVE_FALLBACK, load: SERVER_FAILED, export: EXPORT_FALLBACK },
  method_not_allowed: { live: LIVE_FALLBACK, load: SERVER_FAILED, export: EXPORT_FALLBACK },
  internal: { live: LIVE_FALLBACK, load: SERVER_FAILED, export: EXPORT_FALLBACK },
};

function say<T>(words: Words<T>, problem: Problem): T {
  return words(problem);
}

/** Any thrown value as a Problem: an ApiRequestError keeps its code, anything else is `internal`. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiRequestError) return { code: error.code, message: error.message, field: error.field, retryInSeconds: error.retryInSeconds };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Why the live numbers are missing or old. */
export function describeProblem(problem: Problem): ProblemText {
  return say(WORDS[problem.code].live, problem);
}

/** Why a chart's counts could not be loaded, in one sentence. */
export function describeLoadError(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t('errors.loadFailed');
  return say(WORDS[error.code].load, toProblem(error));
}

/** Why an export did not start; nothing was saved in every case. */
export function describeExportFailure(problem: Problem): ExportProblemText {
  return say(WORDS[problem.code].export, problem);
}

/** The account forms: signing in, the first setup, a set-password link, changing one's own password, signing out. */
export type AccountForm = 'sign-in' | 'setup' | 'set-password' | 'change-password' | 'sign-out';

/** Why an account form was refused: words for the form, or for one of its fields when `field` is set. */
export interface AccountFailureText {
  message: string;
  field?: string;
}

/** "1 minute", "15 minutes": a wait rounded up to whole minutes. */
export function inMinutes(seconds: number): string {
  return t('errors.minutes', { count: Math.max(1, Math.ceil(seconds / 60)) });
}

/** The server names the field by its code name ("newPassword needs …"); under the field it is "This needs …". */
function withoutFieldName(message: string, field: string): string {
  return message.startsWith(`${field} `) ? t('errors.account.fieldMessage', { rest: message.slice(field.length + 1) }) : message;
}

export function describeAccountFailure(problem: Problem, form: AccountForm): AccountFailureText {
  const { code, field, message } = problem;
  if (code === 'rate_limited') {
    return {
      message: problem.retryInSeconds != null ? t('errors.account.tooManyIn', { wait: inMinutes(problem.retryInSeconds) }) : t('errors.account.tooMany'),
    };
  }
  if (code === 'network') return { message: t('errors.account.network') };
  if (form === 'sign-in' && (code === 'bad_credentials' || code === 'unauthorized')) return { message: t('errors.account.wrongCredentials') };
  if (form === 'change-password' && field === 'currentPassword') return { message: t('errors.account.wrongCurrent'), field: 'currentPassword' };
  if (form === 'setup' && field === 'code') return { message: t('errors.account.wrongCode'), field: 'code' };
  if (form === 'setup' && code === 'conflict') return { message: t('errors.account.setUpAlready') };
  // The link's token is the only thing the person did not type: a refusal of anything but the new
  // password means the link no longer works.
  const refused = code === 'bad_request' || code === 'unauthorized' || code === 'forbidden' || code === 'not_found';
  if (form === 'set-password' && refused && !(code === 'bad_request' && field === 'newPassword')) {
    return { message: t('errors.account.linkExpired') };
  }
  if (code === 'bad_request') return field ? { message: withoutFieldName(message, field), field } : { message };
  if (code === 'forbidden') return { message: t('errors.account.forbidden') };
  return { message: t('errors.account.internal') };
}
