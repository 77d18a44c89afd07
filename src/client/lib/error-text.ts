// The words for every error code, in one table: what the live screens say (title, detail, tone),
// what a chart that failed to load says, and what the export form says (nothing was saved).
// A new error code does not compile until it has its words here.
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

type Words<T> = T | ((problem: Problem) => T);

interface CodeWords {
  /** The live numbers (dashboard banner and panels, announcements). */
  live: Words<ProblemText>;
  /** A chart or table whose counts could not be loaded. */
  load: Words<string>;
  /** A CSV export that did not start. */
  export: Words<ExportProblemText>;
}

const LIVE_FALLBACK = ({ message }: Problem): ProblemText => ({ title: 'The server could not deliver the live numbers.', detail: message, tone: 'vendor' });
const EXPORT_FALLBACK = ({ message }: Problem): ExportProblemText => ({ title: 'The export failed', detail: `Nothing was saved. ${message}` });
const NO_COUNTS = 'There are no counts for this period.';

const WORDS: Record<RequestErrorCode, CodeWords> = {
  network: {
    live: {
      title: 'This screen cannot reach the Occupancy Live server.',
      detail: "Check this device's network connection. The numbers come back by themselves once the server answers.",
      tone: 'offline',
    },
    load: 'The server could not be reached. Check the connection.',
    export: { title: 'The server could not be reached', detail: 'Nothing was saved. Check the connection and try again.' },
  },
  upstream_unavailable: {
    live: {
      title: 'The WELLPOINT cloud is not answering.',
      detail: "The people counters' cloud service is down or cannot be reached from our server.",
      tone: 'vendor',
    },
    load: 'The WELLPOINT cloud is not answering right now.',
    export: { title: 'WELLPOINT is not answering', detail: 'Nothing was saved. Try again in a few minutes.' },
  },
  upstream_timeout: {
    live: { title: 'The WELLPOINT cloud is answering too slowly.', detail: "The people counters' cloud service did not answer in time.", tone: 'vendor' },
    load: 'The WELLPOINT cloud took too long to answer.',
    export: { title: 'WELLPOINT took too long to start the file', detail: 'Nothing was saved. Try again, or choose a shorter range or a coarser resolution.' },
  },
  upstream_format: {
    live: {
      title: 'The WELLPOINT cloud sent an answer that could not be read.',
      detail: 'If this lasts, ask your administrator to look at the server log.',
      tone: 'vendor',
    },
    load: 'WELLPOINT sent the counts in a form this dashboard cannot read.',
    export: { title: 'WELLPOINT sent something other than a CSV file', detail: 'Nothing was saved. Try again in a few minutes.' },
  },
  upstream_auth: {
    live: { title: "The server's WELLPOINT access key is not accepted.", detail: 'Ask your administrator to check WELLPOINT_ACCESS_KEY.', tone: 'config' },
    load: 'WELLPOINT rejected the access key, so no counts can be loaded. An administrator needs to check it.',
    export: {
      title: 'WELLPOINT did not accept the access key',
      detail: 'Nothing was saved. The server’s WELLPOINT access key was rejected; ask whoever runs this dashboard to check it.',
    },
  },
  rate_limited: {
    live: { title: 'The server is receiving too many requests.', detail: 'It will answer again in a moment.', tone: 'vendor' },
    load: 'Too many requests at once. Please wait a moment.',
    export: ({ message }) => ({ title: 'Too many exports are running', detail: `Nothing was saved. ${message}` }),
  },
  unauthorized: {
    live: { title: 'This screen is not allowed to read the live numbers.', detail: 'Ask your administrator for access.', tone: 'config' },
    load: 'This screen is not allowed to load the counts.',
    export: ({ message }) => ({ title: 'Exports are not allowed here', detail: message }),
  },
  bad_credentials: {
    live: { title: 'The email or password is wrong.', detail: 'Check both and try again.', tone: 'config' },
    load: 'The email or password is wrong.',
    export: { title: 'Not signed in', detail: 'Nothing was saved. Sign in and try again.' },
  },
  setup_required: {
    live: { title: 'Occupancy Live is not set up yet.', detail: 'The first administrator has to be created on the setup page.', tone: 'config' },
    load: 'Occupancy Live is not set up yet.',
    export: { title: 'Not set up yet', detail: 'Nothing was saved. The first administrator has to be created first.' },
  },
  display_revoked: {
    live: { title: 'This display link was revoked.', detail: 'Ask your administrator for a new display link.', tone: 'config' },
    load: 'This display link was revoked.',
    export: { title: 'This display link was revoked', detail: 'Nothing was saved.' },
  },
  forbidden: {
    live: { title: 'You are not allowed to see this.', detail: 'Ask an administrator for access.', tone: 'config' },
    load: 'You are not allowed to load these counts.',
    export: ({ message }) => ({ title: 'This export is not allowed', detail: `Nothing was saved. ${message}` }),
  },
  conflict: {
    live: LIVE_FALLBACK,
    load: ({ message }) => message,
    export: EXPORT_FALLBACK,
  },
  locked: {
    live: LIVE_FALLBACK,
    load: ({ message }) => message,
    export: EXPORT_FALLBACK,
  },
  invalid_response: {
    live: {
      title: "This page could not read the server's answer.",
      detail: 'This page may be out of date: reload it. If that does not help, ask your administrator.',
      tone: 'config',
    },
    load: 'The server’s answer could not be read. Reloading the page may help.',
    export: EXPORT_FALLBACK,
  },
  no_pro_devices: {
    live: LIVE_FALLBACK,
    load: NO_COUNTS,
    export: {
      title: 'No PRO devices to export',
      detail:
        'WELLPOINT only exports counts of PRO-plan devices, and this account has none, so no file was saved. Ask your administrator to move the counters to the PRO plan.',
    },
  },
  no_data: {
    live: LIVE_FALLBACK,
    load: NO_COUNTS,
    export: ({ message, field }) => ({
      title: 'No counts to export',
      detail:
        field === 'devices'
          ? message
          : 'WELLPOINT has no rows for this range and these devices (yet), so no file was saved. Choose an earlier or longer range.',
    }),
  },
  bad_request: {
    live: LIVE_FALLBACK,
    load: ({ message }) => message,
    export: ({ message }) => ({ title: 'The export settings were not accepted', detail: message }),
  },
  not_found: { live: LIVE_FALLBACK, load: 'The server could not load the counts.', export: EXPORT_FALLBACK },
  method_not_allowed: { live: LIVE_FALLBACK, load: 'The server could not load the counts.', export: EXPORT_FALLBACK },
  internal: { live: LIVE_FALLBACK, load: 'The server could not load the counts.', export: EXPORT_FALLBACK },
};

function say<T>(words: Words<T>, problem: Problem): T {
  return typeof words === 'function' ? (words as (p: Problem) => T)(problem) : words;
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
  if (!(error instanceof ApiRequestError)) return 'Something went wrong while loading the counts.';
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
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** The server names the field by its code name ("newPassword needs …"); under the field it is "This needs …". */
function withoutFieldName(message: string, field: string): string {
  return message.startsWith(`${field} `) ? `This ${message.slice(field.length + 1)}` : message;
}

export function describeAccountFailure(problem: Problem, form: AccountForm): AccountFailureText {
  const { code, field, message } = problem;
  if (code === 'rate_limited') {
    return {
      message:
        problem.retryInSeconds != null
          ? `Too many attempts. Try again in ${inMinutes(problem.retryInSeconds)}.`
          : 'Too many attempts. Wait a few minutes, then try again.',
    };
  }
  if (code === 'network') return { message: 'The server could not be reached. Check the connection and try again.' };
  if (form === 'sign-in' && (code === 'bad_credentials' || code === 'unauthorized')) return { message: 'Wrong email or password. Check both and try again.' };
  if (form === 'change-password' && field === 'currentPassword') return { message: 'This is not your current password.', field: 'currentPassword' };
  if (form === 'setup' && field === 'code') return { message: 'This setup code is not right. Copy it again from the server’s log.', field: 'code' };
  if (form === 'setup' && code === 'conflict') return { message: 'This server is set up already. Sign in instead.' };
  // The link's token is the only thing the person did not type: a refusal of anything but the new
  // password means the link no longer works.
  const refused = code === 'bad_request' || code === 'unauthorized' || code === 'forbidden' || code === 'not_found';
  if (form === 'set-password' && refused && !(code === 'bad_request' && field === 'newPassword')) {
    return { message: 'This link has expired or was already used. Ask an administrator for a new one.' };
  }
  if (code === 'bad_request') return field ? { message: withoutFieldName(message, field), field } : { message };
  if (code === 'forbidden') return { message: 'The server refused this request from this page. Reload the page and try again.' };
  return { message: 'Something went wrong on the server. Try again in a moment.' };
}
