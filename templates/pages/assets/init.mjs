// Starts the GOV.UK Frontend components; pages work without it.
import { initAll } from '/assets/govuk-frontend.min.js';
initAll();

// Pages that show live times (the dashboard, a missing child's episode) reload every so often so a
// screen left open stays current. WCAG 2.2.1: the person can stop it, and the choice is kept.
const refresh = document.querySelector('[data-auto-refresh]');
if (refresh) {
  const seconds = Number(refresh.getAttribute('data-auto-refresh')) || 60;
  const key = 'mc-auto-refresh-off';
  const button = refresh.querySelector('button');
  const status = refresh.querySelector('[data-auto-refresh-status]');
  let timer = null;
  // The words come from the page (data-text-*), in its language.
  const text = (name) => refresh.getAttribute(`data-text-${name}`) ?? '';
  const render = () => {
    const off = localStorage.getItem(key) === '1';
    button.textContent = off ? text('start') : text('stop');
    status.textContent = off ? text('off') : text('on');
    clearTimeout(timer);
    if (!off) timer = setTimeout(() => window.location.reload(), seconds * 1000);
  };
  button.hidden = false;
  button.addEventListener('click', () => {
    localStorage.setItem(key, localStorage.getItem(key) === '1' ? '0' : '1');
    render();
  });
  render();
}
