// What every Settings section is given (in a file of its own: the list of sections imports the
// sections, so they cannot import it back).
import type { Me } from '@/client/lib/me-queries';

export interface SettingsSectionProps {
  me: Me;
}
