// Signing up as a patient (POST /v1/auth/register): the account and its patient record in one step, answered
// with a signed-in session. The service checks everything (password rules, an e-mail or phone already in use);
// the form only asks for what it needs and shows the service's refusal at the field it names.

import { ApiError } from '../common/api.js';
import { dateField } from '../common/datefield.js';
import { el, field } from '../common/dom.js';
import { latinDigits } from '../common/i18n.js';

const ARABIC = /[\u0600-\u06FF]/;

export function showSignUp(shell) {
  const t = (key, args) => shell.t(key, args);
  const input = (name, type, attributes = {}) => el('input', { type, name, ...attributes });
  const firstName = input('firstName', 'text', { autocomplete: 'given-name', dir: 'auto', maxlength: '100', required: true });
  const lastName = input('lastName', 'text', { autocomplete: 'family-name', dir: 'auto', maxlength: '100' });
  const phone = input('phone', 'tel', { autocomplete: 'tel', dir: 'ltr', maxlength: '20' });
  const email = input('email', 'email', { autocomplete: 'email', dir: 'ltr', maxlength: '254' });
  const password = input('password', 'password', { autocomplete: 'new-password', dir: 'ltr', maxlength: '256', required: true });
  const birth = dateField({ t, formats: shell.formats }, { label: t('web.sign_up.date_of_birth'), name: 'dateOfBirth', required: true });
  const genders = ['female', 'male'].map((code) => el('label', { class: 'choice-inline' },
    el('input', { type: 'radio', name: 'gender', value: code, required: true }), ' ', t(`web.sign_up.gender.${code}`)));
  const gender = el('fieldset', { class: 'radio-group' }, el('legend', {}, t('web.sign_up.gender')), genders);
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', class: 'primary' }, t('web.sign_up.submit'));
  const back = el('button', { type: 'button', class: 'link', onclick: () => shell.showSignIn() }, t('web.sign_up.back'));
  const form = el('form', { class: 'card sign-in sign-up', novalidate: true },
    el('h1', {}, t('web.sign_up.title')),
    el('p', { class: 'muted' }, t('web.sign_up.intro')),
    field(t('web.sign_up.first_name'), firstName),
    field(t('web.sign_up.last_name'), lastName),
    field(t('web.sign_up.phone'), phone, t('web.sign_up.phone_hint')),
    field(t('web.sign_up.email'), email, t('web.sign_up.contact_hint')),
    field(t('web.password'), password, t('web.sign_up.password_hint')),
    birth.node, gender,
    message, el('div', { class: 'actions' }, submit, back));
  const fields = { phone, email, password, dateOfBirth: birth, firstNameAr: firstName, firstNameEn: firstName };

  const refuse = (text, control) => {
    message.hidden = false;
    message.textContent = text;
    if (control) {
      control.focus();
    }
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const first = firstName.value.trim();
    const last = lastName.value.trim();
    const day = birth.value();
    const chosen = form.querySelector('input[name=gender]:checked');
    if (!first) return refuse(t('web.required', { field: t('web.sign_up.first_name') }), firstName);
    if (!phone.value.trim() && !email.value.trim()) return refuse(t('web.sign_up.contact_needed'), phone);
    if (!password.value) return refuse(t('web.required', { field: t('web.password') }), password);
    if (!day) return refuse(t(day === null ? 'web.date.invalid' : 'web.required', { field: t('web.sign_up.date_of_birth') }), birth.parts.day);
    if (!chosen) return refuse(t('web.required', { field: t('web.sign_up.gender') }), genders[0].querySelector('input'));
    const arabic = ARABIC.test(first + last);
    const details = {
      password: password.value,
      dateOfBirth: day,
      gender: chosen.value,
      languagePreference: shell.language,
      [arabic ? 'firstNameAr' : 'firstNameEn']: first,
      ...(last ? { [arabic ? 'lastNameAr' : 'lastNameEn']: last } : {}),
      ...(phone.value.trim() ? { phone: latinDigits(phone.value.trim()) } : {}),
      ...(email.value.trim() ? { email: email.value.trim() } : {}),
    };
    submit.disabled = true;
    message.hidden = true;
    try {
      await shell.session.register(details);
      window.history.replaceState(null, '', window.location.pathname);
      await shell.enter();
      shell.context().announce(t('web.sign_up.welcome'));
    } catch (error) {
      const named = error instanceof ApiError ? fields[error.problem.field] : null;
      refuse(shell.problem(error), named && named.focus ? named : null);
      password.value = error instanceof ApiError && error.problem.field === 'password' ? '' : password.value;
    } finally {
      submit.disabled = false;
    }
  });
  shell.drawSignedOut(form);
  firstName.focus();
}
