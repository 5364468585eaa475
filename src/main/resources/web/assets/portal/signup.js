// Signing up as a patient (POST /v1/auth/register): the account and its patient record in one step, answered
// with a signed-in session. Before it, each phone or e-mail given is proved with a one-time code
// (POST /v1/auth/register/codes, then …/{id}/verification): the code step names where the code went, takes it in
// any digits, can send another after the wait the service names, and goes back to the details. The verified codes
// go with the registration (verificationIds). The service checks everything (password rules, an e-mail or phone
// already in use, a wrong or spent code); the form shows the service's refusal at the field it names.

import { ApiError } from '../common/api.js';
import { dateField } from '../common/datefield.js';
import { el, field } from '../common/dom.js';
import { request } from '../common/http.js';
import { latinDigits } from '../common/i18n.js';

const ARABIC = /[\u0600-\u06FF]/;
/** Contacts proved in this tab ("phone:+9665…" → verification id), so going back to the details does not ask again. */
const verified = new Map();

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
      const contacts = [['phone', details.phone], ['email', details.email]].filter(([, value]) => value);
      const verificationIds = [];
      for (const [kind, value] of contacts) {
        const id = verified.get(`${kind}:${value}`) || await proveContact(shell, form, kind, value);
        if (!id) {
          return; // back to the details
        }
        verified.set(`${kind}:${value}`, id);
        verificationIds.push(id);
      }
      await shell.session.register({ ...details, verificationIds });
      window.history.replaceState(null, '', window.location.pathname);
      await shell.enter();
      shell.context().announce(t('web.sign_up.welcome'));
    } catch (error) {
      const named = error instanceof ApiError ? fields[error.problem.field] : null;
      if (error instanceof ApiError && error.problem.code === 'signup_verification_invalid') {
        verified.clear(); // spent or too old: prove the contacts again
      }
      refuse(shell.problem(error), named && named.focus ? named : null);
      password.value = error instanceof ApiError && error.problem.field === 'password' ? '' : password.value;
    } finally {
      submit.disabled = false;
    }
  });
  shell.drawSignedOut(form);
  firstName.focus();
}

/**
 * The code step for one contact: asks the service to send a code, then waits for the person to type it. Resolves
 * with the verification id once the service accepts the code, or null when the person goes back to the details.
 */
function proveContact(shell, details, kind, value) {
  const t = (key, args) => shell.t(key, args);
  return new Promise((resolve, reject) => {
    const message = el('p', { class: 'alert', role: 'alert', hidden: true });
    const where = el('p', { class: 'muted', 'aria-live': 'polite' });
    const code = el('input', {
      type: 'text', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '12', required: true, dir: 'ltr',
    });
    const check = el('button', { type: 'submit', class: 'primary' }, t('web.sign_up.code_check'));
    const again = el('button', { type: 'button', class: 'resend', disabled: true }, t('web.sign_up.code_again'));
    const back = el('button', { type: 'button', class: 'link' }, t('web.sign_up.code_back'));
    const form = el('form', { class: 'card sign-in sign-up code-step', novalidate: true, 'data-contact': kind },
      el('h1', { tabindex: '-1' }, t(`web.sign_up.code_title_${kind}`)), where,
      field(t('web.sign_up.code'), code, t('web.sign_up.code_hint')), message,
      el('div', { class: 'actions' }, check, again, back));
    let verificationId = null;
    let timer = null;
    const show = (text) => {
      message.hidden = !text;
      message.textContent = text || '';
    };
    const send = async () => {
      again.disabled = true;
      show('');
      try {
        const sent = await request('POST', '/v1/auth/register/codes', { body: { [kind]: value }, language: shell.language });
        verificationId = sent.verificationId;
        where.replaceChildren(t(`web.sign_up.code_sent_${kind}`), ' ', el('bdi', { dir: 'ltr' }, sent.destination));
        window.clearTimeout(timer);
        timer = window.setTimeout(() => { again.disabled = false; }, sent.resendAfterSeconds * 1000);
        code.focus();
        return true;
      } catch (error) {
        again.disabled = false;
        return error;
      }
    };
    const leave = (result) => {
      window.clearTimeout(timer);
      shell.drawSignedOut(details);
      resolve(result);
    };
    back.addEventListener('click', () => leave(null));
    again.addEventListener('click', async () => {
      const sent = await send();
      if (sent !== true) show(shell.problem(sent));
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const typed = latinDigits(code.value.trim());
      if (!typed) {
        show(t('web.required', { field: t('web.sign_up.code') }));
        code.focus();
        return;
      }
      check.disabled = true;
      try {
        await request('POST', `/v1/auth/register/codes/${verificationId}/verification`, { body: { code: typed }, language: shell.language });
        leave(verificationId);
      } catch (error) {
        show(shell.problem(error));
        code.select();
        code.focus();
      } finally {
        check.disabled = false;
      }
    });
    send().then((sent) => {
      if (sent === true) {
        shell.drawSignedOut(form);
        form.querySelector('h1').focus();
        code.focus();
      } else {
        // refused before any code went out (the contact has an account, too many codes): the details say why
        reject(sent);
      }
    });
  });
}
