/*
 * The demo blog's reply behaviour, written for the demo (not WordPress's file): the same contract as WordPress's
 * comment-reply.js, which Threadlight must keep working. A click on a comment's Reply link (.comment-reply-link with
 * data-belowelement, data-commentid, data-respondelement, data-replyto) moves #respond after the element named by
 * data-belowelement, leaves #wp-temp-form-div where the form was, sets #comment_parent and shows
 * #cancel-comment-reply-link; Cancel puts the form back.
 */
(function () {
  'use strict';
  var originalTitle = null;

  function titleTextNode(respond) {
    var title = respond.querySelector('#reply-title');
    return title && title.firstChild && title.firstChild.nodeType === Node.TEXT_NODE ? title.firstChild : null;
  }

  function moveForm(link) {
    var below = document.getElementById(link.dataset.belowelement || '');
    var respond = document.getElementById(link.dataset.respondelement || 'respond');
    var parentInput = document.getElementById('comment_parent');
    var cancel = document.getElementById('cancel-comment-reply-link');
    if (!below || !respond || !parentInput || !cancel) return false;
    if (!document.getElementById('wp-temp-form-div')) {
      var placeholder = document.createElement('div');
      placeholder.id = 'wp-temp-form-div';
      placeholder.style.display = 'none';
      respond.parentNode.insertBefore(placeholder, respond);
    }
    below.parentNode.insertBefore(respond, below.nextSibling);
    parentInput.value = link.dataset.commentid || '0';
    cancel.style.display = '';
    var title = titleTextNode(respond);
    if (title) {
      if (originalTitle === null) originalTitle = title.textContent;
      title.textContent = (link.dataset.replyto || originalTitle) + ' ';
    }
    var field = document.getElementById('comment');
    if (field) field.focus({ preventScroll: true });
    return true;
  }

  function cancelReply() {
    var placeholder = document.getElementById('wp-temp-form-div');
    var respond = document.getElementById('respond');
    if (!placeholder || !respond) return false;
    placeholder.parentNode.replaceChild(respond, placeholder);
    document.getElementById('comment_parent').value = '0';
    document.getElementById('cancel-comment-reply-link').style.display = 'none';
    var title = titleTextNode(respond);
    if (title && originalTitle !== null) title.textContent = originalTitle;
    return true;
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var reply = target && target.closest('.comment-reply-link');
    if (reply && moveForm(reply)) {
      event.preventDefault();
      return;
    }
    if (target && target.closest('#cancel-comment-reply-link') && cancelReply()) event.preventDefault();
  });
})();
