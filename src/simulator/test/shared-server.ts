// One simulator server for a whole test file: started before its tests, closed after them.
// Test code only (it registers vitest hooks).
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../test-server';

export function sharedTestServer(): { readonly server: TestServer } {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (server === undefined) throw new Error('the test server starts in beforeAll');
      return server;
    },
  };
}
