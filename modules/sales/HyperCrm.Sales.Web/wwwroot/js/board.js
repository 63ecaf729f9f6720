// Kanban boards: drag a [data-card] onto another [data-column] of a [data-board]; the move is saved at once by
// POSTing id, stageId and the card's concurrency stamp to the board's data-move-url. On refusal the card goes back
// and the server's message is shown. Columns with data-needs-reason="true" ask why first (lost deals).
(function () {
  'use strict';
  document.querySelectorAll('[data-board]').forEach(function (board) {
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    var errorBox = document.querySelector('[data-board-error]');
    var dragged = null;

    function showError(message) {
      if (!errorBox) { window.alert(message); return; }
      errorBox.textContent = message;
      errorBox.classList.remove('d-none');
    }

    function refreshTotals() {
      board.querySelectorAll('[data-column]').forEach(function (column) {
        var total = 0;
        column.querySelectorAll('[data-card]').forEach(function (card) { total += parseFloat(card.dataset.amount || '0'); });
        var label = column.querySelector('[data-column-total]');
        if (label) { label.textContent = Math.round(total).toLocaleString(); }
      });
    }

    board.addEventListener('dragstart', function (event) {
      var card = event.target.closest('[data-card]');
      if (!card || card.getAttribute('draggable') !== 'true') { return; }
      dragged = card;
      card.classList.add('opacity-50');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', card.dataset.id);
    });
    board.addEventListener('dragend', function () { if (dragged) { dragged.classList.remove('opacity-50'); } });
    board.addEventListener('dragover', function (event) {
      if (dragged && event.target.closest('[data-column]')) { event.preventDefault(); }
    });
    board.addEventListener('drop', function (event) {
      var column = event.target.closest('[data-column]');
      if (!dragged || !column) { return; }
      event.preventDefault();
      var card = dragged;
      var from = card.parentElement;
      dragged = null;
      if (from === column) { return; }
      var reason = '';
      if (column.dataset.needsReason === 'true') {
        reason = window.prompt(board.dataset.reasonPrompt || 'Why?') || '';
        if (!reason.trim()) { return; }
      }
      column.appendChild(card);
      refreshTotals();
      var body = new URLSearchParams({ id: card.dataset.id, stageId: column.dataset.stageId, stamp: card.dataset.stamp || '', reason: reason });
      fetch(board.dataset.moveUrl, {
        method: 'POST',
        headers: { 'RequestVerificationToken': token ? token.value : '', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body,
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (json) { return { ok: response.ok && json.ok, json: json }; });
      }).then(function (result) {
        if (result.ok) {
          card.dataset.stamp = result.json.stamp;
          if (errorBox) { errorBox.classList.add('d-none'); }
        } else {
          from.appendChild(card);
          refreshTotals();
          showError(result.json.message || 'The move was not saved.');
        }
      }).catch(function () {
        from.appendChild(card);
        refreshTotals();
        showError('The move was not saved: the server could not be reached.');
      });
    });
  });
})();
