// For code that loads on demand on an unattended screen: if its chunk cannot be loaded (the
// server is down, or a deploy replaced the hashed file), show that the screen is reconnecting,
// ask the server's health probe with a growing pause, and reload once it answers. Never a blank
// screen, and never a reload while the server is down.
import { Component, type ReactNode, useEffect } from 'react';
import { t } from '@/client/i18n/i18n';

/** Marks a failed dynamic import, so only that (not a rendering bug) leads to a reload. */
export class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';
}

/** Wraps a dynamic import so that its failure is recognisable. */
export function loadChunk<T>(load: () => Promise<T>): () => Promise<T> {
  return () =>
    load().catch((error: unknown) => {
      throw new ChunkLoadError(error instanceof Error ? error.message : String(error));
    });
}

const FIRST_CHECK_MS = 5_000;
const LONGEST_PAUSE_MS = 60_000;

function WaitForServer({ reload }: { reload: () => void }) {
  useEffect(() => {
    let pause = FIRST_CHECK_MS;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const check = async () => {
      try {
        const res = await fetch('/healthz', { cache: 'no-store' });
        if (res.ok && !stopped) return reload();
      } catch {
        // Still down: try again later.
      }
      if (stopped) return;
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
      timer = setTimeout(() => void check(), pause);
    };
    timer = setTimeout(() => void check(), pause);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [reload]);
  return (
    <div role="status" className="grid min-h-screen place-items-center bg-[#0b0d12] p-8 text-center text-4xl font-semibold text-white">
      {t('dashboard.reconnecting')}
    </div>
  );
}

interface Props {
  children: ReactNode;
  /** Injectable for tests. */
  reload?: () => void;
}

export class ReloadWhenBack extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private readonly reload = () => (this.props.reload ?? (() => window.location.reload()))();

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (error instanceof ChunkLoadError) return <WaitForServer reload={this.reload} />;
    // A rendering bug would fail again after a reload: say so once, without a reload loop.
    return (
      <div role="alert" className="grid min-h-screen place-items-center bg-[#0b0d12] p-8 text-center text-3xl text-white">
        {t('dashboard.screenFailed')}
      </div>
    );
  }
}
