// The rule editor: picking a trigger or an action re-renders the form on the server (keeping what was typed),
// and the field buttons insert a field name into the condition or parameter box last used.
(function () {
    'use strict';
    var form = document.getElementById('rule-form');
    if (!form) return;
    var refresh = form.querySelector('[data-refresh]');
    var lastTarget = form.querySelector('[data-insert-target]');
    form.addEventListener('change', function (e) {
        if (e.target.matches('[data-autosubmit]') && refresh) refresh.click();
    });
    form.addEventListener('focusin', function (e) {
        if (e.target.matches('[data-insert-target]')) lastTarget = e.target;
    });
    form.addEventListener('click', function (e) {
        var chip = e.target.closest('[data-insert]');
        if (!chip || !lastTarget) return;
        var text = chip.getAttribute('data-insert');
        var isTemplate = lastTarget.name && lastTarget.name.indexOf('.Parameters[') >= 0;
        if (isTemplate) text = '{{' + text + '}}';
        var start = lastTarget.selectionStart != null ? lastTarget.selectionStart : lastTarget.value.length;
        var end = lastTarget.selectionEnd != null ? lastTarget.selectionEnd : start;
        lastTarget.value = lastTarget.value.slice(0, start) + text + lastTarget.value.slice(end);
        lastTarget.focus();
        lastTarget.setSelectionRange(start + text.length, start + text.length);
        lastTarget.dispatchEvent(new Event('input', { bubbles: true }));
    });
})();
