// My profile and contact details: the account (names, sign-in) and, for a patient, the contact fields of the
// patient record a patient may change themself (phone, email, address, emergency contact, language).

import { bdi, el, field } from '../common/dom.js';

const CONTACT = ['phone', 'email', 'address'];

export async function renderProfile(ctx, container) {
  const { t, me } = ctx;
  const account = el('dl', { class: 'facts' },
    el('dt', {}, t('portal.profile.name')), el('dd', {}, bdi(ctx.name(me.name))),
    el('dt', {}, t('portal.profile.sign_in_with')), el('dd', {}, bdi(me.email || ''), me.email && me.phone ? ' · ' : '',
      el('bdi', { dir: 'ltr' }, me.phone || '')),
    el('dt', {}, t('portal.profile.two_factor')), el('dd', {}, t(me.twoFactorEnabled ? 'portal.profile.on' : 'portal.profile.off')));
  container.replaceChildren(el('h1', {}, t('portal.profile.title')), el('section', { class: 'card', 'aria-labelledby': 'account-title' },
    el('h2', { id: 'account-title' }, t('portal.profile.account')), account));
  if (!me.patientId) {
    return;
  }
  const patient = await ctx.api.get(`/v1/patients/${me.patientId}`);
  const inputs = {};
  const make = (name, type, value, dir) => {
    inputs[name] = el('input', { type, name, value: value || '', dir, autocomplete: autocompleteOf(name) });
    return field(t(`portal.profile.${name}`), inputs[name]);
  };
  const language = el('select', { name: 'preferredLanguage' },
    ['ar', 'en'].map((code) => el('option', { value: code, selected: patient.preferredLanguage === code, lang: code },
      new Intl.DisplayNames([code], { type: 'language' }).of(code))));
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const save = el('button', { type: 'submit', class: 'primary' }, t('portal.profile.save'));
  const form = el('form', { class: 'card', novalidate: true, 'aria-labelledby': 'contact-title' },
    el('h2', { id: 'contact-title' }, t('portal.profile.contact')),
    el('p', { class: 'muted' }, t('portal.profile.record'), ' ', bdi(patient.medicalRecordNumber)),
    make('phone', 'tel', patient.phone, 'ltr'),
    make('email', 'email', patient.email, 'ltr'),
    make('address', 'text', patient.address, 'auto'),
    make('emergencyName', 'text', patient.emergencyContact && patient.emergencyContact.name, 'auto'),
    make('emergencyPhone', 'tel', patient.emergencyContact && patient.emergencyContact.phone, 'ltr'),
    field(t('portal.profile.language'), language),
    message, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const changes = {};
    for (const name of CONTACT) {
      const value = inputs[name].value.trim();
      if (value !== (patient[name] || '')) {
        changes[name] = value || null;
      }
    }
    const emergency = { name: inputs.emergencyName.value.trim() || null, phone: inputs.emergencyPhone.value.trim() || null };
    const before = patient.emergencyContact || {};
    if (emergency.name !== (before.name || null) || emergency.phone !== (before.phone || null)) {
      changes.emergencyContact = emergency;
    }
    if (language.value !== patient.preferredLanguage) {
      changes.preferredLanguage = language.value;
    }
    message.hidden = true;
    if (!Object.keys(changes).length) {
      ctx.announce(t('portal.profile.nothing'));
      return;
    }
    save.disabled = true;
    try {
      Object.assign(patient, await ctx.api.patch(`/v1/patients/${me.patientId}`, changes));
      ctx.announce(t('portal.profile.saved'));
      message.hidden = false;
      message.className = 'success';
      message.setAttribute('role', 'status');
      message.textContent = t('portal.profile.saved');
    } catch (error) {
      message.hidden = false;
      message.className = 'alert';
      message.setAttribute('role', 'alert');
      message.textContent = ctx.problem(error);
    } finally {
      save.disabled = false;
    }
  });
  container.append(form);
}

function autocompleteOf(name) {
  return { phone: 'tel', email: 'email', address: 'street-address', emergencyPhone: 'off', emergencyName: 'off' }[name] || 'off';
}
