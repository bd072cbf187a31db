import type { ja } from "./ja";

/** The shape of an easy dictionary: any part of ja, each text replaced by one of the same kind. */
export type EasyOf<T> = {
  [K in keyof T]?: T[K] extends string ? string : T[K] extends (...args: infer A) => string ? (...args: A) => string : EasyOf<T[K]>;
};

/**
 * やさしい日本語: the youth's fixed texts as an elementary-school child reads them. Every key mirrors
 * the same key of ja (that text's standard wording); short sentences, kana for hard words, and
 * {漢字|かんじ} furigana on every kanji not learnt in the first grade. A text missing here is shown
 * in its standard wording. Pages render the markup as <ruby> (components/liff/EasyJapanese);
 * LINE gets the kana (rubyToKana).
 */
export const easy = {
  liff: {
    title: "{相談|そうだん}チャット",
    connecting: "つないでいます…",
    tokenRefused: "LINEで、あなたのことを たしかめられませんでした。LINEのメニューの「{相談|そうだん}する」から、もう一{回|かい} ひらいてね。",
    notConfigured: "いま、{相談|そうだん}チャットは つかえません。{少|すこ}し たってから、もう一{回|かい} ためしてね。",
    sessionEnded: "つながりが {切|き}れました。LINEのメニューの「{相談|そうだん}する」から、もう一{回|かい} ひらいてね。",
    openFromLine: "このページは、LINEのメニューの「{相談|そうだん}する」から ひらいてね。",
    emptyText: "メッセージを {書|か}いてね。",
    tooLong: "メッセージは 1000文字までです。みじかくしてね。",
    textOnly: "おくれるのは、文字の メッセージだけです。",
    tooFast: "つづけて おくりすぎています。{少|すこ}し まってから おくってね。",
    sendFailed: "おくれませんでした。もう一{回|かい} ためしてね。",
    placeholder: "ここに、{話|はな}したいことを {書|か}いてね",
    send: "おくる",
    sending: "おくっています…",
    counselor: "{相談員|そうだんいん}",
    notice: "おしらせ",
    empty: "まだ メッセージは ありません。こまっていることや、{話|はな}したいことを {書|か}いてね。",
    end: "{相談|そうだん}を おわる",
    endConfirm: "{相談|そうだん}を おわりにしますか？ おわっても、また {相談|そうだん}できます。",
    endYes: "おわる",
    endNo: "{相談|そうだん}を つづける",
    ended: "{相談|そうだん}を おわりました。{話|はな}してくれて、ありがとう。また こまったときは、いつでも {相談|そうだん}してね。",
    lineMode: "ここでは、LINEの トークで {相談|そうだん}します。この{画面|がめん}を とじて、トークから メッセージを おくってね。",
    consultAgain: "{新|あたら}しく {相談|そうだん}する",
  },
  forms: {
    defaults: {
      intake: {
        ageBand: { label: "あなたの{年|とし}", high_school: "{高校生|こうこうせい}くらい", young_adult: "18〜30さい", out_of_range: "そのほか" },
        gender: { label: "{性別|せいべつ}", male: "男の子・男の人", female: "女の子・女の人", other: "そのほか", unknown: "こたえたくない" },
        requester: { label: "だれのことの {相談|そうだん}？", self: "{自分|じぶん}のこと", parent: "子どものこと（おうちの人）", friend: "{友|とも}だちのこと", teacher: "{生徒|せいと}のこと（{先生|せんせい}など）", other: "そのほか" },
        topics: {
          label: "{相談|そうだん}したいこと",
          family_abuse: "{家族|かぞく}のこと・{家|いえ}でのつらいこと",
          school_truancy: "学校に{行|い}けない・学校のこと",
          friends: "{友|とも}だちのこと",
          developmental: "{発達|はったつ}・しょうがいのこと",
          young_carer: "{家族|かぞく}のおせわ(ヤングケアラー)",
          love_sexuality: "すきな人・{性|せい}のこと",
          career_work: "しょうらい・しごとのこと",
          other: "そのほか",
        },
        note: { label: "いちばん {話|はな}したいこと", hint: "{書|か}かなくても だいじょうぶ。{書|か}いたことは、{相談員|そうだんいん}だけが {読|よ}みます。" },
        consent: {
          title: "{相談|そうだん}の やくそく",
          body:
            "ここで {話|はな}したことは、{相談員|そうだんいん}（{話|はなし}を きく{係|かかり}の人）が {読|よ}みます。{名前|なまえ}は {言|い}わなくても だいじょうぶです。\n" +
            "あなたが「いいよ」と {言|い}わないかぎり、{家族|かぞく}や学校などに、{話|はな}したことを {伝|つた}えることは ありません。\n" +
            "でも、あなたや だれかの {命|いのち}や からだが あぶないときは、あなたを まもるために、{市|し}や{警察|けいさつ}などに すぐ {連絡|れんらく}することが あります。",
          agree: "{読|よ}んで、わかったよ",
        },
      },
    },
  },
  intake: {
    title: "はじめに おしえてね",
    lead: "{相談員|そうだんいん}が あなたの{話|はなし}を よく きけるように、いくつか おしえてね。",
    chooseOne: "1つ えらんでね",
    chooseMany: "いくつ えらんでも いいよ",
    required: "かならず",
    optionalChoice: "こたえなくても だいじょうぶ",
    optional: "{書|か}かなくても いいよ",
    submit: "{相談|そうだん}を はじめる",
    submitting: "おくっています…",
    errors: {
      ageBand: "あなたの{年|とし}を えらんでね。",
      gender: "{性別|せいべつ}を えらんでね。こたえたくないときは「こたえたくない」を えらべます。",
      topics: "{相談|そうだん}したいことを、1つは えらんでね。",
      consent: "「{相談|そうだん}の やくそく」を {読|よ}んで、チェックを つけてね。",
      noteTooLong: "1000文字までに してね。",
      summary: "まだ えらんでいない ところが あります。赤い文字の ところを 見てね。",
      alreadyAnswered: "もう こたえてくれています。このまま {相談|そうだん}を つづけてね。",
    },
    line: {
      askGender: "{性別|せいべつ}を おしえてね。",
      askTopics: "{相談|そうだん}したいことを 1つ えらんでね。",
      askMoreTopics: (chosen: string) => `「${chosen}」だね。ほかにも {相談|そうだん}したいことは ある？`,
      topicsDone: "これで ぜんぶ",
      thanks: "おしえてくれて、ありがとう。{相談員|そうだんいん}が {順番|じゅんばん}に へんじを します。このトークに、{話|はな}したいことを {書|か}いてね。",
    },
  },
  emergencyPanel: {
    open: "{緊急|きんきゅう}のときは",
    title: "{緊急|きんきゅう}のときは、{電話|でんわ}できます",
    close: "とじる",
    quickExit: "すぐに {画面|がめん}を とじる",
    quickExitHint: "だれかに {画面|がめん}を 見られそうなときに おすと、すぐに この{画面|がめん}から はなれます。",
  },
  /** Default wordings only: an admin's own wording of a reply is sent as the admin wrote it. */
  autoReply: {
    waiting:
      "メッセージが とどきました。いま、あなたの{前|まえ}に まっている人が います。あなたは {順番} {番目|ばんめ}です。まつ{時間|じかん}は {待ち時間の目安} くらいです。{順番|じゅんばん}が きたら、{相談員|そうだんいん}が へんじを します。",
    before_opening:
      "メッセージが とどきました。きょうの {相談|そうだん}は、まだ はじまっていません。{次の相談時間} に、{相談員|そうだんいん}が {順番|じゅんばん}に へんじを します。それまで まっていてね。",
    out_of_hours:
      "メッセージが とどきました。いまは {相談|そうだん}の{時間|じかん}では ありません。つぎの {相談|そうだん}の{時間|じかん}は {次の相談時間} です。その{時間|じかん}に なったら、{相談員|そうだんいん}が {順番|じゅんばん}に へんじを します。",
    closing_while_waiting:
      "きょうの {相談|そうだん}の{時間|じかん}が おわりました。まってくれたのに、ごめんなさい。あなたの メッセージは とどいています。つぎの {相談|そうだん}の{時間|じかん} {次の相談時間} に、{順番|じゅんばん}に へんじを します。",
    service_ended:
      "メッセージが とどきました。この {相談|そうだん}の まどぐちは、もう おわりました。こまったときは、下のメニューの「{緊急|きんきゅう}のときは」から、{相談|そうだん}できる ところを 見てね。",
    no_schedule: "メッセージが とどきました。{相談員|そうだんいん}が {順番|じゅんばん}に へんじを します。このまま {少|すこ}し まっていてね。",
  },
} satisfies EasyOf<typeof ja>;
