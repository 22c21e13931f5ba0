import { addTranslation } from 'media-chrome/utils/i18n';

/**
 * Media Chrome's own words for the controls the player shows, in Arabic (it ships no Arabic of its own); the
 * controller picks them when its `lang` is `ar`. Keys are Media Chrome's English texts.
 */
addTranslation('ar', {
  Play: 'تشغيل',
  Pause: 'إيقاف مؤقت',
  play: 'تشغيل',
  pause: 'إيقاف مؤقت',
  Mute: 'كتم الصوت',
  Unmute: 'إلغاء كتم الصوت',
  mute: 'كتم الصوت',
  unmute: 'إلغاء كتم الصوت',
  'Seek backward': 'رجوع',
  'Seek forward': 'تقديم',
  'seek back {seekOffset} seconds': 'رجوع {seekOffset} ثوانٍ',
  'seek forward {seekOffset} seconds': 'تقديم {seekOffset} ثوانٍ',
  'Enter fullscreen mode': 'ملء الشاشة',
  'Exit fullscreen mode': 'الخروج من ملء الشاشة',
  'enter fullscreen mode': 'ملء الشاشة',
  'exit fullscreen mode': 'الخروج من ملء الشاشة',
  'video player': 'مشغل الفيديو',
  'audio player': 'مشغل الصوت',
  volume: 'مستوى الصوت',
  seek: 'الانتقال',
  'playback time': 'وقت التشغيل',
  'media loading': 'جارٍ تحميل الوسائط',
  hour: 'ساعة',
  hours: 'ساعات',
  minute: 'دقيقة',
  minutes: 'دقائق',
  second: 'ثانية',
  seconds: 'ثوانٍ',
  '{time} remaining': 'متبقٍ {time}',
  '{currentTime} of {totalTime}': '{currentTime} من {totalTime}',
  'video not loaded, unknown time.': 'لم يُحمَّل الفيديو، الوقت غير معروف.',
  'Network Error': 'خطأ في الشبكة',
  'Decode Error': 'خطأ في فك الترميز',
  'Source Not Supported': 'المصدر غير مدعوم',
  'A network error caused the media download to fail.': 'تعذّر تنزيل الوسائط بسبب خطأ في الشبكة.',
  'A media error caused playback to be aborted. The media could be corrupt or your browser does not support this format.':
    'توقف التشغيل بسبب خطأ في الوسائط: قد يكون الملف تالفًا أو لا يدعم متصفحك هذه الصيغة.',
  'An unsupported error occurred. The server or network failed, or your browser does not support this format.':
    'حدث خطأ: تعطّل الخادم أو الشبكة، أو لا يدعم متصفحك هذه الصيغة.',
});
