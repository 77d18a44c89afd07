// Settings ▸ People: the list of everyone with an account, the form to add someone, and the
// one-time set-password link to hand over (after adding, or a new one for someone already there).
import { useState } from 'react';
import type { PersonLink } from '@/shared/people-schema';
import { AddPersonForm } from './add-person-form';
import { PeopleList } from './people-list';
import { PersonLinkPanel } from './person-link-panel';
import type { SettingsSectionProps } from './settings-section-props';

export function PeopleSection({ me }: SettingsSectionProps) {
  const [link, setLink] = useState<{ link: PersonLink; added: boolean } | null>(null);
  const openDemo = me.kind === 'open';
  return (
    <div className="space-y-5 sm:space-y-6">
      {link ? <PersonLinkPanel link={link.link} added={link.added} onDone={() => setLink(null)} /> : null}
      {/* After the open demo's first account the list would only be refused: the link panel says why. */}
      {link?.link.signInRequired ? null : <PeopleList onLink={(made) => setLink({ link: made, added: false })} />}
      {link?.link.signInRequired ? null : <AddPersonForm openDemo={openDemo} onAdded={(made) => setLink({ link: made, added: true })} />}
    </div>
  );
}
