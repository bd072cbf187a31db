import type { Topic } from "./categories";

/** What a youth might first write, by topic: invented, plain, and free of anything identifying. */
export const openings: Record<Topic, string[]> = {
  abuse: ["家で親にたたかれることがあって、帰るのがこわいです", "親にどなられてばかりで、家にいたくない"],
  truancy: ["学校に行けなくなって2週間たちます", "朝になるとお腹が痛くなって学校に行けない"],
  bullying: ["クラスで無視されています", "LINEのグループで悪口を言われている"],
  developmental: ["忘れ物が多くて先生にいつも怒られる", "みんなと同じようにできなくてつらい"],
  young_carer: ["弟の世話と家事で勉強する時間がない", "おばあちゃんの介護を手伝っていて疲れた"],
  family: ["親とけんかして家に居づらい", "両親が離婚するかもしれなくて不安"],
  friends: ["友だちとけんかして仲直りできない", "グループの中で自分だけ浮いている気がする"],
  school: ["進路のことで悩んでいます", "テストの点が下がって親に言えない"],
  health: ["夜ねむれない日が続いています", "最近ずっと気分が落ちこんでいる"],
  sexuality: ["自分の体のことで相談したい", "好きな人のことで誰にも言えない悩みがある"],
  career: ["高校を卒業したあと、どうしたらいいかわからない", "バイトがつらくてやめたい"],
  suicidal: ["消えてしまいたいと思うことがある", "つらくて自分を傷つけてしまった"],
  mental: ["不安で何も手につかない", "気分の落ちこみがずっと続いている"],
  other: ["話を聞いてほしいです", "誰かと話したくて送りました"],
};

/** A youth's later lines, whatever the topic. */
export const youthLines = [
  "はい",
  "そうなんです",
  "うまく言えないけど、ずっとモヤモヤしてる",
  "誰にも言ったことなかった",
  "少し楽になったかも",
  "どうしたらいいかわからない",
  "先生には言いにくいです",
  "ありがとう",
  "また相談してもいいですか",
];

/** Words lib/risk knows, for the few emergencies: the consultation's priority rises as it would for real. */
export const riskOpenings = ["もう死にたい", "今から家を出ようと思う。もう限界", "消えてしまいたい"];

export const counselorGreeting = "こんばんは。相談員です。メッセージを送ってくれてありがとう。ゆっくりで大丈夫なので、聞かせてください。";

export const counselorLines = [
  "そうだったんですね。話してくれてありがとう。",
  "それはつらかったですね。",
  "もう少し詳しく聞かせてもらえますか？",
  "あなたが悪いわけではないですよ。",
  "今はどんな気持ちですか？",
  "一緒に考えてみましょう。",
  "信頼できる大人に話せそうな人はいますか？",
];

export const counselorClosing = "今日は話してくれてありがとう。またいつでもメッセージを送ってくださいね。";

export const contentSummaries: Record<Topic, string> = {
  abuse: "家庭で身体的・心理的な暴力を受けている可能性についての相談。",
  truancy: "登校できない状態が続いていることについての相談。",
  bullying: "学校での無視・悪口などいじめについての相談。",
  developmental: "学校生活での困りごと（忘れ物・集団行動）についての相談。",
  young_carer: "家族の世話・家事の負担についての相談。",
  family: "親子関係・家庭環境についての相談。",
  friends: "友人関係のトラブルについての相談。",
  school: "学業・学校生活についての相談。",
  health: "睡眠・気分の落ち込みについての相談。",
  sexuality: "体や恋愛に関する相談。",
  career: "進路・仕事についての相談。",
  suicidal: "消えてしまいたい気持ち・自分を傷つけることについての相談。",
  mental: "不安や気分の落ち込みが続いていることについての相談。",
  other: "話を聞いてほしいという相談。",
};

export const responseSummaries = {
  advice: "気持ちを受け止め、状況を整理し、できそうなことを一緒に考えた。",
  referral: "気持ちを受け止め、専門の相談窓口を紹介した。",
  emergency: "安全を確認し、緊急対応を行った。",
  phone: "文字では伝えにくいとのことで、電話相談を案内した。",
  continued: "次回も相談できることを伝え、継続して対応することにした。",
  ended_by_youth: "途中で相談者が会話を終えた。",
} as const;

export const checklistNotes = ["本人の言葉で確認", "はっきりしない", "", "くり返し話している"];
export const contactResults = ["安全確認を依頼し、対応してもらえることになった", "担当者に引き継いだ", "折り返しの連絡を待っている", "保護されたと連絡があった"];
export const emergencyNotes = ["市の担当課と警察に連絡し、安全確認を依頼した。", "児童相談所に通告し、業務責任者に報告した。"];

/** What youths say when they agree to a referral's sharing, as a counselor would quote or summarise it. */
export const consentWords = ["「先生に話してもいいよ。名前は言ってもいい」", "市の人に今の状況を伝えることに同意した（名前と学校は伝えてよい）。", "「相談窓口の人なら話してもいい」"];
export const sharingExceptionReasons = ["今夜自宅に戻ると身体に危険があると話したため、同意を得られないまま警察と市に伝えた。", "自傷の準備をしていると話し、連絡が途絶えたため、児童相談所に伝えた。"];
export const supervisorNames = ["業務責任者 山田", "業務責任者 佐藤"];

/** Free comments in the survey: the kind a youth leaves, never about a person. */
export const surveyComments = ["話を聞いてもらえてすっきりしました。", "返事が来るまで少し不安でした。", "また困ったら相談します。", "ありがとうございました。"];
