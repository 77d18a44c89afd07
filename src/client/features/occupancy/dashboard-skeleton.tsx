// First load: the shapes of the site total and the door cards, at their final sizes, so nothing
// moves when the numbers arrive (CLS 0). Kept beside SiteTotal and OccupancyGauge: change together.
import { Skeleton } from '@/client/components/ui/skeleton';
import { CapacityArc } from '@/client/components/ui/capacity-visuals';

export function DashboardSkeleton({ deviceCount, siteHasCapacity }: { deviceCount: number; siteHasCapacity: boolean }) {
  return (
    <div aria-hidden="true">
      <div className="rounded-2xl border border-line bg-surface p-5 sm:p-7">
        <div className="grid gap-x-10 gap-y-5 md:grid-cols-[minmax(0,1fr)_20rem] lg:grid-cols-[minmax(0,1fr)_20rem_18rem] lg:items-end">
          <div>
            <Skeleton className="h-5 w-40" />
            <div className="mt-2 flex items-end gap-3">
              <Skeleton className="h-[3.1875rem] w-28 sm:h-[5.1rem] sm:w-36" />
              <Skeleton className="mb-1 h-10 w-24 sm:h-14" />
            </div>
            {siteHasCapacity ? <Skeleton className="mt-4 h-6 w-44 sm:h-7" /> : null}
          </div>
          <div>
            <div className="grid grid-cols-2 gap-x-8">
              {[0, 1].map((i) => (
                <div key={i}>
                  <Skeleton className="h-5 w-16" />
                  <Skeleton className="mt-1 h-7 w-20 sm:h-8" />
                </div>
              ))}
            </div>
            <Skeleton className="mt-2 h-4 w-36" />
          </div>
          <div className="md:col-span-2 lg:col-span-1">
            <Skeleton className="h-5 w-14" />
            <Skeleton className="mt-1 h-5 w-32" />
            <Skeleton className="h-5 w-44" />
          </div>
        </div>
        {siteHasCapacity ? <Skeleton className="mt-5 h-2.5 w-full rounded-full" /> : null}
      </div>

      <div className="mt-8 sm:mt-10">
        <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
          <Skeleton className="h-7 w-28" />
          <div className="flex w-full gap-3 sm:w-auto">
            <Skeleton className="h-[4.25rem] flex-1 sm:w-64 sm:flex-none" />
            <Skeleton className="h-[4.25rem] w-36" />
          </div>
        </div>
        <div className="mt-3 min-h-5" />
        <ul className="mt-2 grid gap-2 sm:grid-cols-[repeat(auto-fill,minmax(16.5rem,1fr))] sm:gap-4">
          {Array.from({ length: deviceCount }, (_, i) => (
            <li key={i}>
              <div className="device-card h-full rounded-2xl border border-line bg-surface px-4 py-3 sm:px-5 sm:py-4">
                <Skeleton className="area-label h-5 w-32" />
                <CapacityArc ratio={0} state="available" stale className="area-gauge size-13 motion-safe:animate-pulse sm:h-36 sm:w-40" />
                <span className="area-value flex flex-col items-end sm:items-center sm:pt-6">
                  <Skeleton className="h-9 w-12 sm:h-12 sm:w-16" />
                  <Skeleton className="mt-1 h-4 w-10 sm:mt-1.5 sm:h-5" />
                </span>
                <Skeleton className="area-state h-5 w-28 sm:h-6 sm:w-full" />
                <span className="area-counts">
                  <Skeleton className="h-4 w-32" />
                </span>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
