// What went wrong with a history request, in plain words, from the api-client's error codes.
import { ApiRequestError } from '@/client/lib/api-client';

export function describeHistoryError(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return 'Something went wrong while loading the counts.';
  switch (error.code) {
    case 'network':
      return 'The server could not be reached. Check the connection.';
    case 'upstream_unavailable':
      return 'The WELLPOINT cloud is not answering right now.';
    case 'upstream_timeout':
      return 'The WELLPOINT cloud took too long to answer.';
    case 'upstream_auth':
      return 'WELLPOINT rejected the access key, so no counts can be loaded. An administrator needs to check it.';
    case 'upstream_format':
      return 'WELLPOINT sent the counts in a form this dashboard cannot read.';
    case 'rate_limited':
      return 'Too many requests at once. Please wait a moment.';
    case 'unauthorized':
      return 'This screen is not allowed to load the counts.';
    case 'no_pro_devices':
    case 'no_data':
      return 'There are no counts for this period.';
    case 'invalid_response':
      return 'The server’s answer could not be read. Reloading the page may help.';
    case 'bad_request':
      return error.message;
    default:
      return 'The server could not load the counts.';
  }
}
