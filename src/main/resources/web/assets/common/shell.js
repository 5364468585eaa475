// The frame shared by the patient portal and the staff console: sign-in (with the two-factor step), the header
// (clinic, the screens this account may use, language, sign-out), a tiny router on location.hash, and what
// every screen gets to work with (ctx). Switching language flips text and direction in place, without a reload.

import { Api, ApiError, SessionEnded } from './api.js';
import { el, field } from './dom.js';
import { request } from './http.js';
import { Formats, loadBundle, text } from './i18n.js';
import { Session } from './session.js';

const LANGUAGE_KEY = 'moeen-language';

export class Shell {
  /**
   * @param kind 'portal' or 'console'
   * @param screens [{id, title (text key), allowed(me) → boolean, render(ctx, container, param) → cleanup?}]
   * @param signUp   (shell) → draws a sign-up form; offered beside the sign-in when given
   */
  constructor(kind, screens, signUp = null) {
    this.kind = kind;
    this.signUp = signUp;
    this.signingUp = false;
    this.screens = screens;
    this.language = storedLanguage() || document.documentElement.lang || 'ar';
    this.session = new Session(() => this.language);
    this.api = new Api(this.session, () => this.language);
    this.session.onEnded = (reason) => this.signedOut(reason);
    this.me = null;
    this.cleanup = null;
    this.root = document.getElementById('app');
  }

  async start() {
    this.settings = await request('GET', '/v1/settings/public', { language: this.language });
    await this.useLanguage(this.language);
    window.addEventListener('hashchange', () => this.route());
    if (this.session.active) {
      try {
        await this.enter();
        return;
      } catch (error) {
        if (!(error instanceof SessionEnded)) {
          throw error;
        }
        return; // signedOut() drew the sign-in
      }
    }
    this.showSignIn();
  }

  t(key, args) {
    return text(this.bundle, key, args);
  }

  async useLanguage(language) {
    this.bundle = await loadBundle(language);
    this.language = this.bundle.locale;
    this.formats = new Formats(this.language, this.settings.settings['clinic.digits'], this.settings.timeZone);
    document.documentElement.lang = this.language;
    document.documentElement.dir = this.bundle.direction;
  }

  async switchLanguage() {
    const other = this.language === 'ar' ? 'en' : 'ar';
    try {
      window.localStorage.setItem(LANGUAGE_KEY, other);
    } catch (refused) {
      // the choice lasts as long as the page
    }
    this.settings = await request('GET', '/v1/settings/public', { language: other });
    await this.useLanguage(other);
    if (this.me) {
      this.api.patch('/v1/me', { languagePreference: other }).catch(() => {});
      this.drawHeader();
      await this.route();
      this.languageButton.focus();
    } else if (this.signingUp) {
      this.signUp(this);
      this.languageButton.focus();
    } else {
      this.showSignIn(this.signInNote, true);
    }
  }

  languageToggle() {
    const other = this.language === 'ar' ? 'en' : 'ar';
    const button = el('button', {
      type: 'button', class: 'language', 'aria-label': this.t('web.switch_language'),
      onclick: () => this.switchLanguage(),
    }, el('span', { lang: other }, new Intl.DisplayNames([other], { type: 'language' }).of(other)));
    this.languageButton = button;
    return button;
  }

  clinicName() {
    return this.settings.settings['clinic.name'] || this.t('app.name');
  }

  // ── signed out ──

  showSignIn(note, keepFocusOnLanguage) {
    this.signInNote = note;
    this.signingUp = false;
    this.me = null;
    this.stopScreen();
    document.title = `${this.t(`web.${this.kind}.title`)} · ${this.clinicName()}`;
    const message = el('p', { class: 'alert', role: 'alert', hidden: !note }, note ? this.t(note) : '');
    const identifier = el('input', { type: 'text', name: 'identifier', autocomplete: 'username', required: true, dir: 'ltr', spellcheck: 'false' });
    const password = el('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true, dir: 'ltr' });
    const submit = el('button', { type: 'submit', class: 'primary' }, this.t('web.sign_in'));
    const form = el('form', { class: 'card sign-in', novalidate: true },
      el('h1', { id: 'sign-in-title' }, this.t(`web.${this.kind}.sign_in_title`)),
      el('p', { class: 'muted' }, this.t(`web.${this.kind}.sign_in_intro`)),
      field(this.t('web.identifier'), identifier, this.t('web.identifier_hint')),
      field(this.t('web.password'), password),
      message, submit,
      this.signUp ? el('p', { class: 'sign-up-offer' }, this.t('web.sign_up.offer'), ' ',
        el('button', { type: 'button', class: 'link', onclick: () => { this.signingUp = true; this.signUp(this); } },
          this.t('web.sign_up.open'))) : null);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!identifier.value.trim() || !password.value) {
        show(message, this.t('web.fill_both'));
        (identifier.value.trim() ? password : identifier).focus();
        return;
      }
      submit.disabled = true;
      try {
        const result = await this.session.signIn(identifier.value.trim(), password.value);
        if (result.mfaRequired) {
          this.showTwoFactor(result.mfaToken);
        } else {
          await this.enter();
        }
      } catch (error) {
        show(message, this.problem(error));
        password.value = '';
        password.focus();
      } finally {
        submit.disabled = false;
      }
    });
    this.drawSignedOut(form);
    if (keepFocusOnLanguage) {
      this.languageButton.focus();
    } else if (note) {
      identifier.focus();
    }
  }

  showTwoFactor(mfaToken) {
    const message = el('p', { class: 'alert', role: 'alert', hidden: true });
    const code = el('input', {
      type: 'text', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8', required: true, dir: 'ltr',
    });
    const submit = el('button', { type: 'submit', class: 'primary' }, this.t('web.two_factor.verify'));
    const back = el('button', { type: 'button', class: 'link', onclick: () => this.showSignIn() }, this.t('web.two_factor.back'));
    const form = el('form', { class: 'card sign-in', novalidate: true },
      el('h1', {}, this.t('web.two_factor.title')),
      el('p', { class: 'muted' }, this.t('web.two_factor.intro')),
      field(this.t('web.two_factor.code'), code),
      message, el('div', { class: 'actions' }, submit, back));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        await this.session.twoFactor(mfaToken, code.value.trim());
        await this.enter();
      } catch (error) {
        if (error instanceof ApiError && error.code === 'two_factor_session_expired') {
          this.showSignIn('web.two_factor.expired');
          return;
        }
        show(message, this.problem(error));
        code.value = '';
        code.focus();
      } finally {
        submit.disabled = false;
      }
    });
    this.drawSignedOut(form);
    code.focus();
  }

  drawSignedOut(content) {
    const header = el('header', { class: 'top' },
      el('p', { class: 'brand' }, el('bdi', {}, this.clinicName())),
      el('div', { class: 'tools' }, this.languageToggle()));
    this.root.replaceChildren(header, el('main', { id: 'main', class: 'narrow' }, content));
    this.root.removeAttribute('aria-busy');
  }

  signedOut(reason) {
    this.me = null;
    if (reason !== 'expired') {
      // whoever signs in next starts at the beginning; after an expiry the same person comes back to where they were
      window.history.replaceState(null, '', window.location.pathname);
    }
    this.showSignIn(reason === 'expired' ? 'web.session_expired' : 'web.signed_out');
  }

  // ── signed in ──

  async enter() {
    this.signingUp = false;
    this.me = await this.api.get('/v1/me');
    if (!storedLanguage() && this.me.languagePreference && this.me.languagePreference !== this.language) {
      await this.useLanguage(this.me.languagePreference);
    }
    this.drawHeader();
    await this.route();
  }

  allowedScreens() {
    return this.screens.filter((screen) => screen.allowed(this.me));
  }

  drawHeader() {
    const name = (this.language === 'ar' ? this.me.name.ar : this.me.name.en) || this.me.name.ar || this.me.name.en || '';
    this.nav = el('nav', { 'aria-label': this.t('web.nav_label') },
      el('ul', {}, this.allowedScreens().map((screen) => el('li', {},
        el('a', { href: `#/${screen.id}`, 'data-screen': screen.id }, this.t(screen.title))))));
    const signOut = el('button', { type: 'button', class: 'sign-out', onclick: () => this.session.signOut() }, this.t('web.sign_out'));
    const other = this.kind === 'portal' ? 'console' : 'portal';
    const otherLink = this.kind === 'portal' && isStaff(this.me) || this.kind === 'console' && this.me.patientId
      ? el('a', { href: `/app/${other}/`, class: 'other-app' }, this.t(`web.${other}.title`)) : null;
    const header = el('header', { class: 'top' },
      el('a', { class: 'skip', href: '#main', onclick: (event) => { event.preventDefault(); this.main.focus(); } }, this.t('web.skip')),
      el('p', { class: 'brand' }, el('bdi', {}, this.clinicName()), el('span', { class: 'app-name' }, this.t(`web.${this.kind}.title`))),
      this.nav,
      el('div', { class: 'tools' },
        el('span', { class: 'who' }, el('bdi', {}, name)), otherLink, this.languageToggle(), signOut));
    this.main = el('main', { id: 'main', tabindex: '-1' });
    this.status = el('p', { class: 'status sr-only', role: 'status', 'aria-live': 'polite' });
    this.root.replaceChildren(header, this.main, this.status);
    this.root.removeAttribute('aria-busy');
  }

  async route() {
    if (!this.me) {
      return;
    }
    const [id, ...rest] = window.location.hash.replace(/^#\/?/, '').split('/');
    const allowed = this.allowedScreens();
    this.stopScreen();
    if (!allowed.length) {
      this.main.replaceChildren(this.nothingHere());
      return;
    }
    const screen = allowed.find((s) => s.id === id) || allowed[0];
    if (screen.id !== id) {
      window.history.replaceState(null, '', `#/${screen.id}`);
    }
    for (const link of this.nav.querySelectorAll('a')) {
      if (link.dataset.screen === screen.id) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    }
    document.title = `${this.t(screen.title)} · ${this.clinicName()}`;
    const container = el('section', { class: 'screen', 'data-screen': screen.id, 'aria-busy': 'true' });
    this.main.replaceChildren(container);
    try {
      this.cleanup = await screen.render(this.context(), container, rest.map(decodeURIComponent)) || null;
    } catch (error) {
      if (error instanceof SessionEnded) {
        return;
      }
      container.append(el('p', { class: 'alert', role: 'alert' }, this.problem(error)));
    } finally {
      container.removeAttribute('aria-busy');
    }
  }

  nothingHere() {
    const other = this.kind === 'portal' ? 'console' : 'portal';
    return el('div', { class: 'card' },
      el('h1', {}, this.t('web.nothing_here.title')),
      el('p', {}, this.t(`web.nothing_here.${this.kind}`)),
      el('p', {}, el('a', { href: `/app/${other}/` }, this.t(`web.${other}.title`))));
  }

  stopScreen() {
    if (this.cleanup) {
      this.cleanup();
      this.cleanup = null;
    }
  }

  /** What a screen works with. */
  context() {
    const shell = this;
    return {
      api: this.api,
      me: this.me,
      session: this.session,
      language: this.language,
      formats: this.formats,
      settings: this.settings.settings,
      t: (key, args) => this.t(key, args),
      can: (...permissions) => permissions.some((p) => this.me.permissions.includes(p)),
      problem: (error) => this.problem(error),
      announce: (message) => {
        shell.status.textContent = '';
        window.setTimeout(() => { shell.status.textContent = message; }, 50);
      },
      navigate: (hash) => {
        if (window.location.hash === hash) {
          shell.route();
        } else {
          window.location.hash = hash;
        }
      },
      ask: (options) => ask(this, options),
      name: (pair) => (pair ? (this.language === 'ar' ? pair.ar || pair.en : pair.en || pair.ar) || '' : ''),
    };
  }

  /** A refusal in words for people: the service's localized detail, or ours when the network is down. */
  problem(error) {
    if (error instanceof ApiError) {
      return error.problem.detail || error.problem.title || this.t('web.error');
    }
    if (error instanceof SessionEnded) {
      return this.t('web.session_expired');
    }
    if (error instanceof TypeError) {
      return this.t('web.offline');
    }
    console.error(error);
    return this.t('web.error');
  }
}

function isStaff(me) {
  return me.roles.some((role) => role !== 'patient' && role !== 'family_member');
}

function storedLanguage() {
  try {
    const value = window.localStorage.getItem(LANGUAGE_KEY);
    return value === 'ar' || value === 'en' ? value : null;
  } catch (refused) {
    return null;
  }
}

function show(node, message) {
  node.hidden = false;
  node.textContent = message;
}

/**
 * A modal question (a native <dialog>: focus kept inside, Escape closes it). fields: [{name, label, type, options,
 * required, value}]. Resolves with the values, or null when cancelled.
 */
function ask(shell, { title, body, fields = [], ok, danger, check }) {
  return new Promise((resolve) => {
    const titleId = `dialog-${Date.now()}`;
    const controls = {};
    const rows = fields.map((spec) => {
      let control;
      if (spec.type === 'select') {
        control = el('select', { name: spec.name, required: spec.required },
          spec.options.map(([value, label]) => el('option', { value, selected: value === spec.value }, label)));
      } else if (spec.type === 'textarea') {
        control = el('textarea', { name: spec.name, rows: '3', dir: 'auto', maxlength: spec.max || '500', required: spec.required });
        control.value = spec.value || '';
      } else {
        control = el('input', { type: spec.type || 'text', name: spec.name, dir: spec.dir || 'auto', required: spec.required });
        control.value = spec.value || '';
      }
      controls[spec.name] = control;
      return field(spec.label, control, spec.hint);
    });
    const message = el('p', { class: 'alert', role: 'alert', hidden: true });
    const cancel = el('button', { type: 'button', value: 'cancel' }, shell.t('web.cancel'));
    const confirm = el('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, ok || shell.t('web.ok'));
    const form = el('form', { method: 'dialog' },
      el('h2', { id: titleId }, title),
      body ? el('p', {}, body) : null,
      ...rows, message, el('div', { class: 'actions' }, confirm, cancel));
    const dialog = el('dialog', { 'aria-labelledby': titleId }, form);
    let answered = false;
    const finish = (value) => {
      if (!answered) {
        answered = true;
        dialog.close();
        dialog.remove();
        resolve(value);
      }
    };
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', () => finish(null));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(Object.entries(controls).map(([name, control]) => [name, control.value.trim()]));
      const missing = fields.find((spec) => spec.required && !values[spec.name]);
      if (missing) {
        show(message, shell.t('web.required', { field: missing.label }));
        controls[missing.name].focus();
        return;
      }
      if (check) {
        confirm.disabled = true;
        try {
          const refusal = await check(values);
          if (refusal) {
            show(message, refusal);
            return;
          }
        } finally {
          confirm.disabled = false;
        }
      }
      finish(values);
    });
    document.body.append(dialog);
    dialog.showModal();
    (fields.length ? controls[fields[0].name] : confirm).focus();
  });
}
