// The non-data bodies the vendor (a PHP app behind nginx) sends: its HTML error page, nginx's
// status pages and a PHP warning. Clients must recognise them by content, since most come
// with HTTP 200. None of them ever repeats the access key.

function vendorPage(message: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>WELLPOINT Cloud</title></head>',
    '<body>',
    '<h2>WELLPOINT Cloud</h2>',
    `<p class="error">${message}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The answer to a missing or wrong `user_access_key` (after ~3 s, HTTP 200). */
export const AUTH_ERROR_PAGE = vendorPage('Access denied: invalid or missing user access key.');

/** The answer to a missing or unknown `action` (HTTP 200). */
export const BAD_REQUEST_PAGE = vendorPage('Invalid request: unknown action.');

/** The generic error page the vendor shows instead of data (the `html` and `htmlMidway` faults). */
export const GENERIC_ERROR_PAGE = vendorPage('You do not have permission to access this page or your session has expired.');

export const NOT_FOUND_PAGE =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const REASONS: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
  429: 'Too Many Requests',
};

/** nginx's page for an error status. */
export function statusPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** What PHP prints when the database is down and display_errors is on: not JSON at all. */
export const PHP_WARNING_BODY =
  '<br />\n<b>Warning</b>:  mysqli_connect(): (HY000/2002): Connection refused in <b>/var/www/wellpoint/api/db.php</b> on line <b>14</b><br />\n' +
  '<br />\n<b>Fatal error</b>:  Uncaught TypeError: mysqli_query(): Argument #1 ($mysql) must be of type mysqli, bool given in /var/www/wellpoint/api/occupancy.php:31\n' +
  "Stack trace:\n#0 /var/www/wellpoint/api/occupancy.php(31): mysqli_query(false, 'SELECT d.device...')\n#1 {main}\n  thrown in <b>/var/www/wellpoint/api/occupancy.php</b> on line <b>31</b><br />\n";
