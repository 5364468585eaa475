// The intake form (#/intake/<patientId>): what the patient tells the clinic before the first visit, filled by
// the patient or by a family member the patient let do it (scope intake_forms.write). The booking confirmation
// links here; the link needs sign-in, so it carries no secret. Each submission is a new version.

import { el, field } from '../common/dom.js';

const LISTS = ['allergies', 'currentMedications', 'conditions'];
const TEXTS = ['previousTreatments', 'concerns'];

/** The patients this account may fill the form for: itself, and relatives who granted intake_forms.write. */
export function intakePatients(me) {
  const own = me.patientId && (me.permissions.includes('patients.write.own') || me.permissions.includes('intake_forms.write.own'))
    ? [me.patientId] : [];
  const family = me.permissions.includes('intake_forms.write.own')
    ? (me.family || []).filter((g) => (g.scopes || []).includes('intake_forms.write')).map((g) => g.patientId) : [];
  return [...new Set([...own, ...family])];
}

export async function renderIntake(ctx, container, param = []) {
  const { t, me } = ctx;
  const patients = intakePatients(me);
  const patientId = patients.includes(param[0]) ? param[0] : patients[0];
  container.replaceChildren(el('h1', {}, t('portal.intake.title')));
  if (param[0] && param[0] !== patientId) {
    container.append(el('p', { class: 'alert', role: 'alert' }, t('portal.intake.not_yours')));
  }
  if (!patientId) {
    return;
  }
  if (patientId !== me.patientId) {
    const patient = await ctx.api.get(`/v1/patients/${patientId}`).catch(() => null);
    if (patient) {
      container.append(el('p', { class: 'muted' }, t('portal.intake.for', { name: ctx.name(patient.name) })));
    }
  }
  const inputs = {};
  const area = (name, hint) => {
    inputs[name] = el('textarea', { name, rows: 3, dir: 'auto', maxlength: 5000 });
    return field(t(`portal.intake.${name}`), inputs[name], hint);
  };
  const line = (name, type, dir) => {
    inputs[name] = el('input', { type, name, dir, autocomplete: 'off', maxlength: 200 });
    return field(t(`portal.intake.${name}`), inputs[name]);
  };
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const save = el('button', { type: 'submit', class: 'primary' }, t('portal.intake.submit'));
  const form = el('form', { class: 'card', novalidate: true, 'data-patient': patientId },
    el('p', { class: 'muted' }, t('portal.intake.intro')),
    ...LISTS.map((name) => area(name, t('portal.intake.one_per_line'))),
    ...TEXTS.map((name) => area(name)),
    line('emergencyName', 'text', 'auto'), line('emergencyPhone', 'tel', 'ltr'),
    line('insuranceProvider', 'text', 'auto'), line('policyNumber', 'text', 'ltr'),
    message, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {};
    for (const name of LISTS) {
      body[name] = inputs[name].value.split('\n').map((s) => s.trim()).filter(Boolean);
    }
    // the contract takes no nulls: an empty field is left out
    const filled = (pairs) => Object.fromEntries(pairs.map(([k, input]) => [k, input.value.trim()]).filter(([, v]) => v));
    Object.assign(body, filled(TEXTS.map((name) => [name, inputs[name]])));
    const contact = filled([['name', inputs.emergencyName], ['phone', inputs.emergencyPhone]]);
    if (Object.keys(contact).length) {
      body.emergencyContact = contact;
    }
    const insurance = filled([['provider', inputs.insuranceProvider], ['policyNumber', inputs.policyNumber]]);
    if (Object.keys(insurance).length) {
      body.insurance = insurance;
    }
    save.disabled = true;
    message.hidden = true;
    try {
      const saved = await ctx.api.post(`/v1/patients/${patientId}/intake-forms`, body);
      message.hidden = false;
      message.className = 'success';
      message.setAttribute('role', 'status');
      message.textContent = t('portal.intake.saved', { version: saved.version });
      ctx.announce(message.textContent);
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
