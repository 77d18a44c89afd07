// Settings as the app shows it at /settings/<section>: the page with the account menu in its
// header (features do not import each other; the app composes them). A chunk of its own.
import { AccountMenu } from '@/client/features/auth/account-menu';
import { SettingsPage } from '@/client/features/settings/settings-page';

export function SettingsScreen({ sectionId }: { sectionId: string | null }) {
  return <SettingsPage sectionId={sectionId} accountMenu={<AccountMenu inSettings />} />;
}
