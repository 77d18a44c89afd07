// Every device at a glance: a responsive grid of gauges on desktops, a one-thumb list on phones,
// sortable by name or occupancy and filterable by name.
import { buttonClass } from '@/client/components/ui/button';
import { useDeferredValue, useId, useState } from 'react';
import type { DataAgeInput } from '@/client/components/ui/data-age';
import { ErrorBoundary } from '@/client/components/ui/error-boundary';
import { formatCount } from '@/client/lib/format';
import { type DeviceSort, type DeviceView, filterDevices, sortDevices } from './device-view';
import { OccupancyGauge } from './occupancy-gauge';

interface DeviceSectionProps {
  devices: readonly DeviceView[];
  stale: boolean;
  age: DataAgeInput;
}

export function DeviceSection({ devices, stale, age }: DeviceSectionProps) {
  const headingId = useId();
  const filterId = useId();
  const sortId = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<DeviceSort>('name');
  const deferredQuery = useDeferredValue(query);
  const shown = sortDevices(filterDevices(devices, deferredQuery), sort);
  const filtered = deferredQuery.trim() !== '';

  return (
    <section aria-labelledby={headingId} className="mt-8 sm:mt-10">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <h2 id={headingId} className="text-lg font-semibold text-ink">
          Doors <span className="font-normal text-muted tabular-nums">({formatCount(devices.length)})</span>
        </h2>
        <div className="flex w-full gap-3 sm:w-auto">
          <div className="flex min-w-0 flex-1 flex-col gap-1 sm:w-64 sm:flex-none">
            <label htmlFor={filterId} className="text-sm font-medium text-muted">
              Filter by name
            </label>
            <input
              id={filterId}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="min-h-11 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink placeholder:text-muted"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={sortId} className="text-sm font-medium text-muted">
              Sort by
            </label>
            <select
              id={sortId}
              value={sort}
              onChange={(event) => setSort(event.target.value === 'occupancy' ? 'occupancy' : 'name')}
              className="min-h-11 rounded-lg border border-line bg-surface px-3 text-base text-ink"
            >
              <option value="name">Name (A–Z)</option>
              <option value="occupancy">Most people first</option>
            </select>
          </div>
        </div>
      </div>

      <p role="status" className="mt-3 min-h-5 text-sm text-muted">
        {filtered ? `Showing ${formatCount(shown.length)} of ${formatCount(devices.length)} doors` : ''}
      </p>

      {shown.length > 0 ? (
        <ul aria-labelledby={headingId} className="mt-2 grid gap-2 sm:grid-cols-[repeat(auto-fill,minmax(16.5rem,1fr))] sm:gap-4">
          {shown.map((device) => (
            <li key={device.id}>
              <ErrorBoundary name={`The gauge of ${device.label}`}>
                <OccupancyGauge device={device} stale={stale} age={age} />
              </ErrorBoundary>
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-2 rounded-2xl border border-dashed border-line p-6 text-center">
          <p className="text-ink">No door name contains “{deferredQuery.trim()}”.</p>
          <button type="button" onClick={() => setQuery('')} className={buttonClass('quiet', 'mt-3 px-4')}>
            Clear the filter
          </button>
        </div>
      )}
    </section>
  );
}
