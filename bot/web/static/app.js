/* global WebChat, location, URLSearchParams, MutationObserver */
// The page's behaviour: trainee identity, the conversation token, and Web Chat itself.
(function () {
  'use strict';

  var TEXT = {
    'zh-CN': {
      title: '客服情景演练',
      tagline: '与“难缠的顾客”对练，每句回复都有即时反馈',
      newSession: '新的练习',
      welcomeTitle: '欢迎来到情景演练',
      welcomeText: '系统会扮演一位情绪激动的顾客。请像在柜台前一样回应，练习结束时会得到一张评分卡。',
      nameLabel: '你的名字',
      start: '开始练习',
      privacy: '名字只用于在记录中区分学员，保存在本机浏览器中。',
      trainee: '学员：',
      connecting: '正在连接……',
      failed: '无法连接到服务器，请稍后刷新页面。',
      placeholder: '输入你的回复……',
      defaultName: '学员',
      coach: '教练',
      coachInitial: '教',
    },
    en: {
      title: 'Customer Service Role-Play Trainer',
      tagline: 'Practise with a difficult customer and get feedback on every reply',
      newSession: 'New session',
      welcomeTitle: 'Welcome to role-play practice',
      welcomeText: 'The trainer plays an upset customer. Answer as you would at the counter; at the end you get a score card.',
      nameLabel: 'Your name',
      start: 'Start practising',
      privacy: 'Your name only tells trainees apart in the records; it is kept in this browser.',
      trainee: 'Trainee: ',
      connecting: 'Connecting…',
      failed: 'Could not reach the server; please reload the page later.',
      placeholder: 'Type your reply…',
      defaultName: 'Trainee',
      coach: 'Coach',
      coachInitial: 'C',
    },
  };
  var KEYS = { trainee: 'roleplay.trainee', locale: 'roleplay.locale', chat: 'roleplay.chat' };

  function load(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || 'null');
    } catch {
      return null;
    }
  }
  function save(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Private browsing may refuse storage; the chat still works for this page view.
    }
  }

  var params = new URLSearchParams(location.search);
  var locale = params.get('lang') || load(KEYS.locale) || document.body.getAttribute('data-locale') || 'zh-CN';
  if (!TEXT[locale]) locale = 'zh-CN';
  // The server issues the trainee's id with a signed `identity`; the page keeps both and sends
  // the identity back, so it can never pick someone else's id.
  var trainee = load(KEYS.trainee);
  if (!trainee || typeof trainee !== 'object') trainee = { name: '' };
  if (typeof trainee.identity !== 'string') trainee = { name: typeof trainee.name === 'string' ? trainee.name : '' };
  var directLine = null;
  var $ = function (id) {
    return document.getElementById(id);
  };

  function t(key) {
    return TEXT[locale][key];
  }

  function applyTexts() {
    document.documentElement.lang = locale;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    document.querySelectorAll('[data-lang]').forEach(function (el) {
      el.setAttribute('aria-pressed', String(el.getAttribute('data-lang') === locale));
    });
    var label = $('trainee-label');
    label.textContent = t('trainee') + (trainee.name || t('defaultName'));
  }

  function status(text) {
    var el = $('status');
    el.textContent = text || '';
    el.hidden = !text;
  }

  function requestToken(conversationId) {
    return fetch('/api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identity: trainee.identity, name: trainee.name, locale: locale, conversationId: conversationId || undefined }),
    }).then(function (res) {
      if (!res.ok) throw new Error('token request failed: ' + res.status);
      return res.json();
    });
  }

  // The coach is a sender of its own: the bot marks its notes with channelData.sender "coach"; here they
  // get the coach's name (so Web Chat groups them apart from the customer) and the coach's avatar.
  function coachStore() {
    return WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var activity = action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
          if (activity && activity.channelData && activity.channelData.sender === 'coach') {
            var from = Object.assign({}, activity.from, { id: 'roleplay-coach', name: activity.channelData.senderName || t('coach') });
            action = Object.assign({}, action, {
              payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, { from: from }) }),
            });
          }
          return next(action);
        };
      };
    });
  }

  /** A transcript row holding a coach card: its first text is the coach's initial, its second the coach's name. */
  function markCoachRows(root) {
    root.querySelectorAll('.webchat__stacked-layout').forEach(function (row) {
      if (row.hasAttribute('data-roleplay-sender')) return;
      var blocks = row.querySelectorAll('.ac-textBlock');
      var isCoach = false;
      for (var i = 0; i + 1 < blocks.length && i < 2; i++) {
        var name = blocks[i + 1].textContent.trim();
        if ((name === TEXT['zh-CN'].coach || name === TEXT.en.coach) && blocks[i].textContent.trim().length <= 2) isCoach = true;
      }
      if (!blocks.length) return;
      row.setAttribute('data-roleplay-sender', isCoach ? 'coach' : 'other');
      if (isCoach) row.style.setProperty('--roleplay-coach-initial', JSON.stringify(t('coachInitial')));
    });
  }
  var observer = null;
  function watchCoach() {
    if (observer) observer.disconnect();
    observer = new MutationObserver(function () {
      markCoachRows($('webchat'));
    });
    observer.observe($('webchat'), { childList: true, subtree: true });
  }

  var store = null;
  function render() {
    if (!directLine) return;
    if (!store) store = coachStore();
    watchCoach();
    WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: trainee.id,
        username: trainee.name || t('defaultName'),
        locale: locale,
        styleOptions: {
          accent: '#0f5c7a',
          botAvatarInitials: locale === 'en' ? 'C' : '顾',
          userAvatarInitials: (trainee.name || t('defaultName')).slice(0, 2),
          bubbleBorderRadius: 10,
          bubbleFromUserBackground: '#e3f1f7',
          bubbleFromUserBorderRadius: 10,
          sendBoxHeight: 52,
          hideUploadButton: true,
          backgroundColor: '#fafcfd',
          // Every message shows its sender's avatar, so the coach's notes show the coach's.
          showAvatarInGroup: true,
        },
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t('placeholder') },
      },
      $('webchat'),
    );
    var box = document.querySelector('#webchat input, #webchat textarea');
    if (box) box.focus();
  }

  function connect(fresh) {
    var previous = fresh ? null : load(KEYS.chat);
    var resumeId = previous && previous.userId === trainee.id ? previous.conversationId : null;
    status(t('connecting'));
    return requestToken(resumeId)
      .then(function (info) {
        trainee.id = info.userId;
        trainee.identity = info.identity;
        save(KEYS.trainee, trainee);
        // Only the conversation id is kept: a reload asks for a fresh token bound to it.
        save(KEYS.chat, { conversationId: info.conversationId, userId: trainee.id });
        if (directLine) directLine.end();
        store = null;
        directLine = WebChat.createDirectLine({ token: info.token, domain: location.origin + '/v3/directline', webSocket: true });
        directLine.connectionStatus$.subscribe(function (s) {
          // 2 = online; 4 = failed to connect.
          if (s === 2) status('');
          if (s === 4) status(t('failed'));
        });
        $('welcome').hidden = true;
        $('chat').hidden = false;
        $('trainee-label').hidden = false;
        $('new-session').hidden = false;
        render();
      })
      .catch(function () {
        status(t('failed'));
      });
  }

  document.querySelectorAll('[data-lang]').forEach(function (el) {
    el.addEventListener('click', function () {
      locale = el.getAttribute('data-lang');
      save(KEYS.locale, locale);
      applyTexts();
      render();
    });
  });
  $('name-form').addEventListener('submit', function (event) {
    event.preventDefault();
    trainee.name = $('trainee-name').value.trim().slice(0, 40);
    save(KEYS.trainee, trainee);
    applyTexts();
    connect(false);
  });
  $('new-session').addEventListener('click', function () {
    save(KEYS.chat, null);
    connect(true);
  });

  applyTexts();
  if (trainee.name) {
    connect(false);
  } else {
    $('welcome').hidden = false;
    $('trainee-name').focus();
  }
})();
