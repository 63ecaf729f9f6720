#!/usr/bin/env python3
"""Writes messages.tsv, the customer messages the triage model learns from (run it again after editing; fixed seed).

Each row: language (en|ru), intent (order_status|complaint|return|question|other), sentiment (negative|neutral|positive),
text. Messages are composed from hand-written openings, bodies and sign-offs per language and intent, with the shop's
products, order numbers, days and the odd typo or missing capital, so that no two rows of a class read the same way.
"""
import random

random.seed(20261130)
PER_CLASS = 300

PRODUCTS = {
    "en": ["the kettle", "my blue jacket", "the phone case", "the coffee grinder", "two pairs of sneakers", "the desk lamp",
           "a winter coat", "the headphones", "the baby stroller", "the vacuum cleaner", "a set of pans", "the backpack"],
    "ru": ["чайник", "синюю куртку", "чехол для телефона", "кофемолку", "две пары кроссовок", "настольную лампу",
           "зимнее пальто", "наушники", "детскую коляску", "пылесос", "набор сковородок", "рюкзак"],
}
GREET = {
    "en": ["Hello,", "Hi,", "Good morning,", "Hi there!", "Dear support,", "Hello team,", "", "", "Good afternoon,"],
    "ru": ["Здравствуйте!", "Добрый день,", "Привет,", "Доброе утро!", "Уважаемая поддержка,", "", "", "Добрый вечер,"],
}
SIGN = {
    "en": ["", "", "Thanks.", "Thank you!", "Regards, Anna", "Best, Tom", "Kind regards", "Cheers"],
    "ru": ["", "", "Спасибо.", "Спасибо заранее!", "С уважением, Анна", "Ольга", "Заранее благодарю"],
}

BODIES = {
    ("en", "order_status", "neutral"): [
        "where is my order #{n}?", "could you tell me when order {n} will be delivered?", "what is the status of my order {n}",
        "has my order #{n} shipped yet?", "I ordered {p} {d} days ago, when will it arrive?", "is order {n} on its way?",
        "any tracking number for order #{n}?", "when can I expect {p}?", "can you check where my parcel is, order {n}",
        "I haven't received a shipping confirmation for order {n} yet", "what's the delivery date for {p}?",
        "has the courier picked up order #{n}?", "is my order {n} ready to ship?", "please update me on order {n}",
    ],
    ("en", "order_status", "negative"): [
        "still no news about order #{n}, it's been {d} days", "where on earth is my order {n}?? nobody answers",
        "I have been waiting {d} days for {p}, when will it finally come?", "order {n} was supposed to arrive yesterday. where is it?",
    ],
    ("en", "complaint", "negative"): [
        "{p} arrived broken", "the package was damaged and {p} is scratched", "you charged me twice for order {n}",
        "this is the worst service I have ever had", "the courier was rude and left the parcel in the rain",
        "{p} stopped working after {d} days", "I received the wrong item instead of {p}", "nobody answers the phone, this is unacceptable",
        "the quality of {p} is terrible", "I am very disappointed with order {n}", "the delivery was {d} days late and nobody warned me",
        "half of order #{n} is missing", "{p} smells awful and looks used", "your support ignored my emails for a week",
        "I paid for express delivery but waited {d} days", "the size is completely wrong and the seams are torn",
    ],
    ("en", "return", "neutral"): [
        "I would like to return {p}", "how do I send back order {n}?", "can I exchange {p} for a different size?",
        "I want a refund for order #{n}", "please arrange a return for {p}", "what is your return policy for {p}?",
        "I changed my mind about {p}, can I return it?", "how long does a refund take for order {n}?",
        "can the courier collect {p} for a return?", "I'd like to return part of order {n}", "do I need the receipt to return {p}?",
        "I need a return label for order #{n}",
    ],
    ("en", "return", "negative"): [
        "{p} doesn't fit at all, I want my money back", "I want to return {p}, it is nothing like the photos",
        "take back order {n} and refund me now",
    ],
    ("en", "question", "neutral"): [
        "do you deliver to Kazan?", "is {p} available in black?", "do you accept payment by card on delivery?",
        "what are your opening hours?", "can I pick up an order myself?", "is there a warranty on {p}?",
        "do you have a discount for wholesale orders?", "how much is delivery to Saint Petersburg?", "can I pay by invoice as a company?",
        "will {p} be back in stock soon?", "is {p} suitable for children?", "do you ship abroad?", "what sizes does {p} come in?",
        "can I change the delivery address of a new order?", "do you have a loyalty program?",
    ],
    ("en", "question", "positive"): [
        "I love {p}! do you have it in other colours?", "great shop, do you also sell gift cards?",
    ],
    ("en", "other", "positive"): [
        "thank you, {p} is perfect!", "just wanted to say the delivery was super fast", "great service, I'll order again",
        "the courier was very polite, thanks", "{p} is exactly what I wanted", "thanks for the quick help yesterday",
        "my family loves {p}", "five stars, keep it up",
    ],
    ("en", "other", "neutral"): [
        "please unsubscribe me from the newsletter", "I'd like to update my phone number", "please change my email address",
        "are you hiring?", "we'd like to propose a partnership", "please delete my account", "I am a supplier of {p}, who can I talk to?",
    ],
    ("ru", "order_status", "neutral"): [
        "где мой заказ №{n}?", "подскажите, когда доставят заказ {n}?", "какой статус у заказа {n}", "заказ №{n} уже отправлен?",
        "заказала {p} {d} дня назад, когда привезут?", "заказ {n} уже в пути?", "есть трек-номер по заказу №{n}?",
        "когда ждать {p}?", "проверьте, пожалуйста, где посылка, заказ {n}", "не пришло уведомление об отправке заказа {n}",
        "какая дата доставки у заказа {n}?", "курьер уже забрал заказ №{n}?", "заказ {n} собран?", "сообщите, пожалуйста, что с заказом {n}",
    ],
    ("ru", "order_status", "negative"): [
        "до сих пор нет новостей по заказу №{n}, уже {d} дней", "где мой заказ {n}?? никто не отвечает",
        "жду {p} уже {d} дней, когда уже привезёте?", "заказ {n} должен был прийти вчера. где он?",
    ],
    ("ru", "complaint", "negative"): [
        "{p} пришёл сломанным", "коробка помята, {p} поцарапан", "с меня дважды списали деньги за заказ {n}",
        "это худший сервис, с которым я сталкивался", "курьер нагрубил и оставил посылку под дождём", "{p} сломался через {d} дней",
        "прислали не тот товар вместо {p}", "никто не берёт трубку, это безобразие", "качество {p} ужасное",
        "очень разочарована заказом {n}", "доставка опоздала на {d} дней, и никто не предупредил", "в заказе №{n} не хватает половины",
        "{p} выглядит как бывший в употреблении", "поддержка неделю игнорирует мои письма",
        "заплатил за срочную доставку, а ждал {d} дней", "размер совсем не тот, швы разошлись",
    ],
    ("ru", "return", "neutral"): [
        "хочу вернуть {p}", "как отправить обратно заказ {n}?", "можно обменять {p} на другой размер?", "хочу вернуть деньги за заказ №{n}",
        "оформите, пожалуйста, возврат: {p}", "какие у вас условия возврата?", "передумала, можно вернуть {p}?",
        "сколько идёт возврат денег за заказ {n}?", "курьер может забрать {p} на возврат?", "хочу вернуть часть заказа {n}",
        "нужен ли чек для возврата?", "пришлите накладную на возврат заказа №{n}",
    ],
    ("ru", "return", "negative"): [
        "{p} совсем не подошёл, верните деньги", "хочу вернуть {p}, на фото он совсем другой", "заберите заказ {n} и верните деньги немедленно",
    ],
    ("ru", "question", "neutral"): [
        "вы доставляете в Казань?", "есть ли {p} в чёрном цвете?", "можно оплатить картой при получении?", "какой у вас график работы?",
        "можно забрать заказ самовывозом?", "есть ли гарантия на {p}?", "есть скидка на оптовый заказ?", "сколько стоит доставка в Санкт-Петербург?",
        "можно оплатить по счёту от юрлица?", "когда {p} снова появится в наличии?", "подходит ли {p} для детей?", "вы отправляете за границу?",
        "какие размеры есть у этой модели?", "можно изменить адрес доставки нового заказа?", "у вас есть программа лояльности?",
    ],
    ("ru", "question", "positive"): [
        "очень нравится {p}! есть другие цвета?", "отличный магазин, а подарочные сертификаты у вас есть?",
    ],
    ("ru", "other", "positive"): [
        "спасибо, {p} просто идеальный!", "хотела сказать, что доставка была очень быстрой", "отличный сервис, закажу ещё",
        "курьер был очень вежлив, спасибо", "{p} — именно то, что я хотел", "спасибо за быструю помощь вчера", "вся семья в восторге",
        "пять звёзд, так держать",
    ],
    ("ru", "other", "neutral"): [
        "отпишите меня от рассылки", "хочу обновить номер телефона", "смените, пожалуйста, мой email", "у вас есть вакансии?",
        "хотим предложить сотрудничество", "удалите мой аккаунт, пожалуйста", "я поставщик, с кем можно поговорить о поставках?",
    ],
}


def typo(text):
    """Now and then a customer writes in a hurry: no capital, a doubled or dropped letter, no final punctuation."""
    r = random.random()
    if r < 0.15 and len(text) > 8:
        i = random.randrange(1, len(text) - 1)
        return text[:i] + text[i + 1:]
    if r < 0.25 and len(text) > 8:
        i = random.randrange(1, len(text) - 1)
        return text[:i] + text[i] + text[i:]
    if r < 0.4:
        return text.rstrip(".!?")
    return text


def compose(lang, body):
    text = body.format(n=random.randint(1000, 99999), p=random.choice(PRODUCTS[lang]), d=random.randint(2, 21))
    text = text[0].upper() + text[1:] if random.random() < 0.7 else text
    parts = [random.choice(GREET[lang]), typo(text), random.choice(SIGN[lang])]
    return " ".join(p for p in parts if p)


rows = set()
with open("messages.tsv", "w", encoding="utf-8") as out:
    out.write("language\tintent\tsentiment\ttext\n")
    for lang in ("en", "ru"):
        for intent in ("order_status", "complaint", "return", "question", "other"):
            bodies = [(s, b) for (l, i, s), bs in BODIES.items() if l == lang and i == intent for b in bs]
            written = 0
            while written < PER_CLASS:
                sentiment, body = random.choice(bodies)
                text = compose(lang, body)
                if (lang, text) in rows:
                    continue
                rows.add((lang, text))
                out.write(f"{lang}\t{intent}\t{sentiment}\t{text}\n")
                written += 1
