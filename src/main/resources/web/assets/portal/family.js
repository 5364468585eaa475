// Family: the patients who let this account in (their upcoming appointments, booking for them when they allowed
// it), and for a patient the family members they let in, with what each may see or do.

import { bdi, el } from '../common/dom.js';
import { card } from './appointments.js';

export function hasFamily(me) {
  return (me.family || []).length > 0 || me.permissions.includes('family.manage.own') && Boolean(me.patientId);
}

export async function renderFamily(ctx, container) {
  const { t, me } = ctx;
  container.replaceChildren(el('h1', {}, t('portal.family.title')));
  for (const grant of me.family || []) {
    container.append(await granted(ctx, grant));
  }
  if (me.patientId && ctx.can('family.manage.own')) {
    const members = await ctx.api.get(`/v1/patients/${me.patientId}/family-members`);
    const items = members.items || [];
    container.append(el('section', { class: 'card', 'aria-labelledby': 'members-title' },
      el('h2', { id: 'members-title' }, t('portal.family.my_members')),
      items.length ? el('ul', { class: 'plain' }, items.map((m) => el('li', {},
        el('p', { class: 'name' }, bdi(ctx.name(m.name)), ' · ', relationship(ctx, m.relationship)),
        el('p', { class: 'muted' }, scopes(ctx, m.scopes)))))
        : el('p', { class: 'empty' }, t('portal.family.no_members'))));
  }
}

async function granted(ctx, grant) {
  const { t } = ctx;
  let name = t('portal.family.member');
  if (grant.scopes.includes('patients.read')) {
    try {
      name = ctx.name((await ctx.api.get(`/v1/patients/${grant.patientId}`)).name);
    } catch (error) {
      // the name stays general
    }
  }
  const titleId = `family-${grant.patientId}`;
  const section = el('section', { class: 'card family', 'aria-labelledby': titleId },
    el('h2', { id: titleId }, bdi(name)),
    el('p', { class: 'muted' }, t('portal.family.may'), ' ', scopes(ctx, grant.scopes)));
  if (grant.scopes.includes('appointments.write')) {
    section.append(el('p', {}, el('a', { class: 'button primary', href: `#/book/for/${grant.patientId}` },
      t('portal.family.book_for', { name }))));
  }
  if (grant.scopes.includes('appointments.read')) {
    const upcoming = await ctx.api.all('/v1/appointments', { patientId: grant.patientId, from: new Date().toISOString() }, 50);
    section.append(el('h3', {}, t('portal.appointments.upcoming')),
      upcoming.length ? el('ul', { class: 'cards' }, upcoming.map((a) => el('li', {}, card(ctx, a))))
        : el('p', { class: 'empty' }, t('portal.appointments.none_upcoming')));
  }
  return section;
}

function scopes(ctx, codes) {
  return new Intl.ListFormat(ctx.language, { type: 'conjunction' }).format(codes.map((s) => ctx.t(`family_scope.${s}`)));
}

function relationship(ctx, code) {
  const key = `portal.family.relationship.${code}`;
  const label = ctx.t(key);
  return label === key ? code : label;
}
